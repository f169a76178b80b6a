package org.financingorchestrator.workflows.affirm;

/** {@code POST /api/v2/charges}: the shopper's checkout_token, the order id and the flow's Idempotency-Key. */
public record AffirmAuthorization(String checkoutToken, String orderId, String idempotencyKey) {}
