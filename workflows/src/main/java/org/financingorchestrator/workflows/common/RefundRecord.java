package org.financingorchestrator.workflows.common;

import java.time.Instant;

/**
 * One refund that the provider confirmed. {@code requestId} is the idempotency key sent to the
 * provider (the same on every retry); {@code merchantReference} is the merchant's own refund id,
 * which also makes a repeated refund request from the merchant return this record instead of
 * refunding twice.
 */
public record RefundRecord(
    String refundId,
    String requestId,
    String merchantReference,
    Money amount,
    Instant refundedAt) {}
