package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.financingorchestrator.api.common.AbsoluteHttpUrl;

/**
 * The merchant's own pages: where the shopper lands after a capture, and after anything else.
 * Afterpay itself is sent to this app's callbacks, which decide between the two.
 */
public record MerchantRedirectsBody(
    @Schema(example = "https://www.merchant.com/confirm") @NotNull @AbsoluteHttpUrl @Size(max = 2048)
        String redirectConfirmUrl,
    @Schema(example = "https://www.merchant.com/cancel") @NotNull @AbsoluteHttpUrl @Size(max = 2048)
        String redirectCancelUrl) {}
