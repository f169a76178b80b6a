package org.financingorchestrator.workflows.afterpay;

/**
 * This project's callback URLs for one flow, sent to Afterpay as merchant.redirectConfirmUrl and
 * merchant.redirectCancelUrl. Afterpay appends orderToken and status to them.
 */
public record AfterpayCallbacks(String confirmUrl, String cancelUrl) {}
