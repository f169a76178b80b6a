package org.financingorchestrator.workflows.webhooks;

/**
 * What {@link MerchantWebhookWorkflow} delivers: the event and whose webhook receives it. The URL
 * and the signing secret stay in the worker's configuration, never in a history.
 */
public record MerchantWebhookDelivery(String merchantId, MerchantWebhookEvent event) {}
