package org.financingorchestrator.sandbox.afterpay;

/** One payment type of Get Configuration, with its order total range (inclusive). */
public record AfterpayConfigurationEntry(
    String type, String description, AfterpayMoney minimumAmount, AfterpayMoney maximumAmount) {}
