package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.financingorchestrator.api.common.AbsoluteHttpUrl;
import org.financingorchestrator.api.common.MoneyBody;

/** One of Affirm's checkout items. */
public record AffirmItemBody(
    @Schema(example = "Sweater") @NotBlank @Size(max = 255) String displayName,
    @Schema(example = "sweater-a92123") @NotBlank @Size(max = 128) String sku,
    @NotNull @Valid MoneyBody unitPrice,
    @Schema(example = "1") @NotNull @Min(1) Integer qty,
    @AbsoluteHttpUrl @Size(max = 2048) String itemUrl,
    @AbsoluteHttpUrl @Size(max = 2048) String itemImageUrl) {}
