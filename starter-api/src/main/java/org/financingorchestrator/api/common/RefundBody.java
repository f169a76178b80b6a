package org.financingorchestrator.api.common;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;



/**
 * A full or partial refund of the captured payment.
 *
 * @param merchantReference the merchant's own refund id; repeating a request with it answers the
 *     first refund instead of refunding again
 */
public record RefundBody(
    @NotNull @Valid MoneyBody amount,
    @Schema(example = "RF127261AD22")
        @Pattern(regexp = FlowIds.MERCHANT_REFERENCE_REGEX, message = FlowIds.MERCHANT_REFERENCE_RULE)
        String merchantReference) {}
