package org.financingorchestrator.sandbox.afterpay;

import java.time.Instant;

/** Create Order's answer. */
public record AfterpayOrderToken(String token, Instant expires) {}
