package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.financingorchestrator.workflows.common.FlowState;

/**
 * The answer to a new checkout: the flow to follow and the Afterpay order token the merchant's
 * page hands to afterpay.js.
 *
 * @param redirectCheckoutUrl where the merchant may send the shopper (informational)
 */
public record CheckoutCreated(
    @Schema(example = "afterpay-merchantOrder-1234") String flowId,
    @Schema(example = "afterpay") String provider,
    @Schema(example = "AWAITING_SHOPPER") FlowState status,
    @Schema(example = "q54l9qd907m6iqqqlcrm5tpbjjsnfo47vsm59gqrfnd2rqefk9hu") String token,
    @Schema(example = "2016-05-10T13:14:01Z") Instant expires,
    String redirectCheckoutUrl) {}
