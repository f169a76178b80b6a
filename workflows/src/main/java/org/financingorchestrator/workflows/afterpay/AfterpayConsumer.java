package org.financingorchestrator.workflows.afterpay;

/** Afterpay's Consumer object. */
public record AfterpayConsumer(String phoneNumber, String givenNames, String surname, String email) {}
