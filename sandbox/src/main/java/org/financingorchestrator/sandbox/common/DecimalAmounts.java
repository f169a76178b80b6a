package org.financingorchestrator.sandbox.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Money amounts written as decimal strings ("21.85"): parsed exactly, never through a double, and
 * refused beyond two decimal places rather than rounded.
 */
public final class DecimalAmounts {

  public static final int SCALE = 2;

  // Fifteen integer digits is far beyond any order and keeps absurd input out of BigDecimal.
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,2})?");

  private DecimalAmounts() {}

  /** The amount at scale 2, or null when the text is not a decimal with at most 2 decimals. */
  public static BigDecimal parse(String text) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      return null;
    }
    return new BigDecimal(text).setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /** "21.85", "10.00". */
  public static String format(BigDecimal amount) {
    return amount.setScale(SCALE, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** A value from a request, cut short so a message echoing it stays small. */
  public static String echo(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }
}
