package org.financingorchestrator.api.chargeafter;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.financingorchestrator.api.common.AmountDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A cart discount; one without an amount is left out, as ChargeAfter's document asks. */
public record ChargeAfterDiscountBody(
    @Size(max = 255) String name,
    @JsonDeserialize(using = AmountDeserializer.class)
        @Digits(integer = 12, fraction = 2, message = "must be a decimal with at most 2 decimals")
        @DecimalMin(value = "0.00", message = "must not be negative")
        BigDecimal amount) {}
