package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.financingorchestrator.api.common.MoneyBody;

/** Afterpay's Discount. */
public record DiscountBody(
    @Schema(example = "10% Off Subtotal") @NotBlank @Size(max = 255) String displayName,
    @NotNull @Valid MoneyBody amount) {}
