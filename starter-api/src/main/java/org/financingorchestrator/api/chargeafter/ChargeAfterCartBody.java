package org.financingorchestrator.api.chargeafter;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.financingorchestrator.api.common.AmountDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * ChargeAfter's cartDetails. At most {@link #MAX_LINES} items and as many discounts, as for
 * Afterpay (README, Security: why that number).
 */
public record ChargeAfterCartBody(
    @NotNull @Size(min = 1, max = ChargeAfterCartBody.MAX_LINES) List<@NotNull @Valid ChargeAfterItemBody> items,
    @Size(max = ChargeAfterCartBody.MAX_LINES) List<@NotNull @Valid ChargeAfterDiscountBody> discounts,
    @Schema(type = "string", example = "199.0")
        @JsonDeserialize(using = AmountDeserializer.class)
        @Digits(integer = 12, fraction = 2, message = "must be a decimal with at most 2 decimals")
        @DecimalMin(value = "0.00", message = "must not be negative")
        BigDecimal taxAmount,
    @Schema(type = "string", example = "19.0")
        @JsonDeserialize(using = AmountDeserializer.class)
        @Digits(integer = 12, fraction = 2, message = "must be a decimal with at most 2 decimals")
        @DecimalMin(value = "0.00", message = "must not be negative")
        BigDecimal shippingAmount,
    @Schema(type = "string", example = "4296.0")
        @NotNull
        @JsonDeserialize(using = AmountDeserializer.class)
        @Digits(integer = 12, fraction = 2, message = "must be a decimal with at most 2 decimals")
        @DecimalMin(value = "0.01", message = "must be greater than 0")
        BigDecimal totalAmount) {

  public static final int MAX_LINES = 250;
}
