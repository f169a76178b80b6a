package org.financingorchestrator.workflows.afterpay;

import org.financingorchestrator.workflows.common.Money;

/**
 * One Create Refund call. {@code requestId} comes from the workflow, so every retry of the same
 * refund sends the same one and Afterpay performs it once.
 */
public record AfterpayRefundCall(
    String paymentId, String requestId, Money amount, String merchantReference) {}
