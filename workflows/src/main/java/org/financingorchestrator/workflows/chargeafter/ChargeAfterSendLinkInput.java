package org.financingorchestrator.workflows.chargeafter;

/**
 * What starts a send-link flow: the merchant's request and what the API knows from its
 * configuration.
 *
 * @param merchantId the merchant that started the flow
 */
public record ChargeAfterSendLinkInput(
    ChargeAfterSendLinkRequest request, ChargeAfterCallbacks callbacks, ChargeAfterWaits waits, String merchantId) {}
