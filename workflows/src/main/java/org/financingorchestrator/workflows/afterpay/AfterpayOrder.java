package org.financingorchestrator.workflows.afterpay;

import java.time.Instant;

/** Afterpay's answer to Create Order: the order token and when it expires. */
public record AfterpayOrder(String token, Instant expires) {}
