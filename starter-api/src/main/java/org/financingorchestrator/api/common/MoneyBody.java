package org.financingorchestrator.api.common;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.financingorchestrator.workflows.common.Money;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An amount as merchants send it: a decimal string ("21.85") or a JSON number, written plainly
 * ({@link AmountDeserializer}: no exponent, no whitespace), at most two decimals, never negative; and an ISO 4217 currency. Which currencies and signs a provider
 * accepts is checked by that provider's rules.
 */
public record MoneyBody(
    @Schema(type = "string", example = "21.85")
        @NotNull
        @JsonDeserialize(using = AmountDeserializer.class)
        @Digits(integer = 12, fraction = 2, message = "must be a decimal with at most 2 decimals")
        @DecimalMin(value = "0.00", message = "must not be negative")
        BigDecimal amount,
    @Schema(example = "USD") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
        String currency) {

  /** Only valid amounts (checked above) reach the flows. */
  public Money toMoney() {
    return new Money(amount, currency);
  }

  /** True when both fields are present and valid, so that rules across fields can use it. */
  public boolean isComplete() {
    return amount != null
        && currency != null
        && amount.signum() >= 0
        && Math.max(amount.scale(), 0) <= Money.SCALE
        && amount.precision() - amount.scale() <= 12;
  }
}
