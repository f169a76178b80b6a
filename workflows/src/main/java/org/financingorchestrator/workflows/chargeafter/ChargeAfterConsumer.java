package org.financingorchestrator.workflows.chargeafter;

/** ChargeAfter's consumerDetails: personal data, never in a status, log or metric. */
public record ChargeAfterConsumer(
    String firstName,
    String lastName,
    String email,
    String mobilePhoneNumber,
    String merchantConsumerId,
    ChargeAfterAddress shippingAddress,
    ChargeAfterAddress billingAddress) {}
