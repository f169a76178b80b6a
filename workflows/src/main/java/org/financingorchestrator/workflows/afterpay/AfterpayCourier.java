package org.financingorchestrator.workflows.afterpay;

import java.time.Instant;

/** Afterpay's Shipping Courier object; every field optional, priority STANDARD or EXPRESS. */
public record AfterpayCourier(Instant shippedAt, String name, String tracking, String priority) {}
