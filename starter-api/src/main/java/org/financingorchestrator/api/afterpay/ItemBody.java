package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.financingorchestrator.api.common.MoneyBody;

/** Afterpay's Item: one order line. */
public record ItemBody(
    @Schema(example = "widget") @NotBlank @Size(max = 255) String name,
    @Schema(example = "12341234") @Size(max = 128) String sku,
    @Schema(example = "1") @NotNull @Min(1) Integer quantity,
    @NotNull @Valid MoneyBody price) {}
