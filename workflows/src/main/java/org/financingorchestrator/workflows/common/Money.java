package org.financingorchestrator.workflows.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount in one currency. Amounts are held at the currency's minor-unit scale (two
 * decimals for the currencies the providers use), so equal amounts are equal records and
 * provider edges can format them without rounding.
 */
public record Money(BigDecimal amount, String currency) {

  public static final int SCALE = 2;

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    // Refuses more than two decimals instead of rounding: a rounded amount is a different amount.
    amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  /** The amount from minor units (cents), exact: the inverse of {@link #minorUnits()}. */
  public static Money ofMinorUnits(long minorUnits, String currency) {
    return new Money(BigDecimal.valueOf(minorUnits, SCALE), currency);
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money times(long quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  @JsonIgnore // a question, not a field: keeps payloads to {amount, currency}
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isGreaterThan(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount) > 0;
  }

  public boolean isLessThan(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount) < 0;
  }

  /** The amount in minor units (cents), exact: for search attributes and integer-cent APIs. */
  public long minorUnits() {
    return amount.movePointRight(SCALE).longValueExact();
  }

  /** "21.85": the plain decimal string several providers expect. */
  public String toPlainString() {
    return amount.toPlainString();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return currency + " " + amount.toPlainString();
  }
}
