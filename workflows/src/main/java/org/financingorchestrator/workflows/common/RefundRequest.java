package org.financingorchestrator.workflows.common;

/**
 * A merchant's refund of a captured payment, full or partial, for every provider: the argument of
 * {@link RefundableFlow#REFUND}. A repeated request with the same merchantReference answers the
 * first refund instead of refunding again. (The JSON shape of the Afterpay-only record it
 * replaces, so recorded histories decode into it.)
 */
public record RefundRequest(Money amount, String merchantReference) {}
