package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Afterpay's Refund object, as listed in a payment's refunds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayRefund(
    String id, Instant refundedAt, String merchantReference, AfterpayMoney amount) {}
