package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.financingorchestrator.workflows.common.FlowState;

/**
 * The answer to a new Affirm checkout: the flow to follow and the checkout object the merchant's
 * page hands to Affirm.js, its callbacks this flow's.
 *
 * @param affirmJsCheckoutUrl informational: where the local sandbox's stand-in for Affirm.js takes it
 */
public record AffirmCheckoutCreated(
    @Schema(example = "affirm-demo-JKLM4321") String flowId,
    @Schema(example = "affirm") String provider,
    @Schema(example = "AWAITING_SHOPPER") FlowState status,
    Map<String, Object> checkout,
    String affirmJsCheckoutUrl) {}
