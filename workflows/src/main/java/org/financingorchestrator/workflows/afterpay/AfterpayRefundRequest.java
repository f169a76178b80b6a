package org.financingorchestrator.workflows.afterpay;

import org.financingorchestrator.workflows.common.Money;

/**
 * A merchant's refund of a captured Afterpay payment, full or partial. A repeated request with
 * the same merchantReference answers the first refund instead of refunding again.
 */
public record AfterpayRefundRequest(Money amount, String merchantReference) {}
