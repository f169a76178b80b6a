package org.financingorchestrator.sandbox.merchant;

/**
 * One order of the demo shop: its reference (the merchant reference the flow is started with),
 * the provider, the flow's id, and for ChargeAfter the link the consumer was sent (else null).
 */
record DemoOrder(String reference, DemoProvider provider, String flowId, String consumerLink) {}
