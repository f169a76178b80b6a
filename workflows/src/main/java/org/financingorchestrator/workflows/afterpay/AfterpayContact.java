package org.financingorchestrator.workflows.afterpay;

/** Afterpay's Contact object: a billing or shipping address. */
public record AfterpayContact(
    String name,
    String line1,
    String line2,
    String suburb,
    String state,
    String postcode,
    String countryCode,
    String phoneNumber) {}
