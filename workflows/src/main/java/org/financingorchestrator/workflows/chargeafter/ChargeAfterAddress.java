package org.financingorchestrator.workflows.chargeafter;

/** A consumer's shipping or billing address, as ChargeAfter names its fields. */
public record ChargeAfterAddress(String line1, String line2, String city, String zipCode, String state) {}
