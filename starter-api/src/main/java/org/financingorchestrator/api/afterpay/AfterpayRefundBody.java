package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.MoneyBody;

/**
 * A full or partial refund of the captured payment.
 *
 * @param merchantReference the merchant's own refund id; repeating a request with it answers the
 *     first refund instead of refunding again
 */
public record AfterpayRefundBody(
    @NotNull @Valid MoneyBody amount,
    @Schema(example = "RF127261AD22")
        @Pattern(regexp = FlowIds.MERCHANT_REFERENCE_REGEX, message = FlowIds.MERCHANT_REFERENCE_RULE)
        String merchantReference) {}
