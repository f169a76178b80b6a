package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.financingorchestrator.api.common.AbsoluteHttpUrl;

/**
 * The merchant's own pages: where the shopper lands once the loan is authorized, and the
 * payment-method selection page a failed or cancelled checkout goes back to. Affirm itself is
 * given this app's callbacks.
 */
public record AffirmMerchantBody(
    @Schema(example = "https://www.merchant.com/order/confirmed") @NotNull @AbsoluteHttpUrl @Size(max = 2048)
        String redirectConfirmUrl,
    @Schema(example = "https://www.merchant.com/checkout/payment") @NotNull @AbsoluteHttpUrl @Size(max = 2048)
        String redirectCancelUrl) {}
