package org.financingorchestrator.sandbox.afterpay;

import java.math.BigDecimal;
import org.financingorchestrator.sandbox.common.DecimalAmounts;

/** Afterpay's Money object: a decimal string with two places and an ISO 4217 currency (USD). */
public record AfterpayMoney(String amount, String currency) {

  public static final String USD = "USD";

  public static AfterpayMoney usd(BigDecimal amount) {
    return new AfterpayMoney(DecimalAmounts.format(amount), USD);
  }

  /** The exact amount; the string was checked when the object was read. */
  public BigDecimal value() {
    return new BigDecimal(amount);
  }

  @Override
  public String toString() {
    return currency + " " + amount;
  }
}
