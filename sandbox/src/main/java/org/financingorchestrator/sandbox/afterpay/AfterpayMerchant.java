package org.financingorchestrator.sandbox.afterpay;

/** The order's merchant object: where Afterpay sends the shopper back. */
public record AfterpayMerchant(String redirectConfirmUrl, String redirectCancelUrl) {}
