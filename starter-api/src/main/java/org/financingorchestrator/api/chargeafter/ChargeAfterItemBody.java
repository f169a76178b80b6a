package org.financingorchestrator.api.chargeafter;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.financingorchestrator.api.common.AmountDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** One cart line; its warranty's price counts once for the line, whatever the quantity. */
public record ChargeAfterItemBody(
    @Schema(example = "Awesome Product") @NotBlank @Size(max = 255) String name,
    @Schema(type = "string", example = "1999.0")
        @NotNull
        @JsonDeserialize(using = AmountDeserializer.class)
        @Digits(integer = 12, fraction = 2, message = "must be a decimal with at most 2 decimals")
        @DecimalMin(value = "0.00", message = "must not be negative")
        BigDecimal price,
    @Size(max = 128) String sku,
    @Schema(example = "2") @NotNull @Min(1) Integer quantity,
    Boolean leasable,
    @Size(max = 255) String productCategory,
    @Valid ChargeAfterWarrantyBody warranty) {}
