package org.financingorchestrator.workflows.chargeafter;

/** The omnichannel/send-link activity's input: the merchant's request with this flow's callbacks. */
public record ChargeAfterSendLinkCall(ChargeAfterSendLinkRequest request, ChargeAfterCallbacks callbacks) {}
