package org.financingorchestrator.sandbox.afterpay;

/** Afterpay's Discount object. */
public record AfterpayDiscount(String displayName, AfterpayMoney amount) {}
