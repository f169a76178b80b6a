package org.financingorchestrator.workflows.chargeafter;

/** ChargeAfter's answer to send-link: the session's id, and its link when sendUsing is redirectUrl. */
public record ChargeAfterLinkSent(String statusTrackingId, String redirectUrl) {}
