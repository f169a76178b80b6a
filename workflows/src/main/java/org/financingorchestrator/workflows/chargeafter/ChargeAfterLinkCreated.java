package org.financingorchestrator.workflows.chargeafter;

import org.financingorchestrator.workflows.common.FlowState;

/** The start's answer to the merchant: the session's id, its link (redirectUrl only) and the flow's state. */
public record ChargeAfterLinkCreated(String statusTrackingId, String redirectUrl, FlowState state) {}
