package org.financingorchestrator.api.chargeafter;

import io.swagger.v3.oas.annotations.media.Schema;
import org.financingorchestrator.workflows.common.FlowState;

/**
 * The answer to a new send-link: the flow to follow, ChargeAfter's statusTrackingId and, for
 * sendUsing redirectUrl, the link the merchant sends the consumer.
 */
public record SendLinkCreated(
    @Schema(example = "chargeafter-demo-order-1001") String flowId,
    @Schema(example = "chargeafter") String provider,
    @Schema(example = "AWAITING_SHOPPER") FlowState status,
    String statusTrackingId,
    String redirectUrl) {}
