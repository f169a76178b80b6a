package org.financingorchestrator.workflows.afterpay;

/** The Create Order call: the merchant's checkout, sent with this flow's callbacks as redirects. */
public record AfterpayCreateOrder(AfterpayCheckoutRequest checkout, AfterpayCallbacks callbacks) {}
