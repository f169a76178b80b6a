package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Create Refund's answer: the request's fields plus refundId and refundedAt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayRefundResponse(
    String requestId,
    AfterpayMoney amount,
    String merchantReference,
    String refundId,
    Instant refundedAt) {}
