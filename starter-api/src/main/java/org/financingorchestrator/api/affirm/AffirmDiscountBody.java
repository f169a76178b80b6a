package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.financingorchestrator.api.common.MoneyBody;

/** A discount: Affirm keys discounts by their code. */
public record AffirmDiscountBody(
    @Schema(example = "RETURN5") @NotBlank @Size(max = 64) String code,
    @Schema(example = "Returning customer 5% discount") @NotBlank @Size(max = 255) String displayName,
    @NotNull @Valid MoneyBody amount) {}
