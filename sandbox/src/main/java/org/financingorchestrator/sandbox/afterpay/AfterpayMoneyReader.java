package org.financingorchestrator.sandbox.afterpay;

import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.REQUIRED;

import java.math.BigDecimal;
import org.financingorchestrator.sandbox.common.DecimalAmounts;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.JsonField;

/** Reads Money objects: amount a decimal string with at most 2 places, currency USD. */
final class AfterpayMoneyReader {

  /** Which amounts a Money field accepts. */
  enum Sign {
    /** Totals and refunds: "must be greater than 0.00". */
    POSITIVE,
    /** Prices, tax, shipping and discounts may be zero. */
    NOT_NEGATIVE
  }

  private AfterpayMoneyReader() {}

  /** The Money, or null when absent or invalid (with the reasons added to v). */
  static AfterpayMoney read(
      FieldViolations v, JsonField field, FieldViolations.Presence presence, Sign sign) {
    JsonField money = v.object(field, presence);
    if (money == null) {
      return null;
    }
    String amountText = v.text(money.get("amount"), REQUIRED, FieldViolations.UNBOUNDED);
    String currency = v.text(money.get("currency"), REQUIRED, FieldViolations.UNBOUNDED);
    BigDecimal amount = null;
    if (amountText != null) {
      amount = DecimalAmounts.parse(amountText);
      if (amount == null) {
        v.add(
            money.get("amount"),
            "must be a decimal number with at most 2 decimal places (was "
                + DecimalAmounts.echo(amountText)
                + ")");
      }
    }
    if (currency != null && !AfterpayMoney.USD.equals(currency)) {
      v.add(money.get("currency"), "must be USD (was " + DecimalAmounts.echo(currency) + ")");
      return null;
    }
    if (amount == null || currency == null) {
      return null;
    }
    String was = " (was " + currency + " " + DecimalAmounts.format(amount) + ")";
    if (sign == Sign.POSITIVE && amount.signum() <= 0) {
      v.add(field, "must be greater than 0.00" + was);
      return null;
    }
    if (sign == Sign.NOT_NEGATIVE && amount.signum() < 0) {
      v.add(field, "must be greater than or equal to 0.00" + was);
      return null;
    }
    return AfterpayMoney.usd(amount);
  }
}
