package org.financingorchestrator.sandbox.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalAmountsTest {

  @Test
  void parsesAtMostTwoDecimalsExactly() {
    assertThat(DecimalAmounts.parse("21.85")).isEqualTo(new BigDecimal("21.85"));
    assertThat(DecimalAmounts.parse("10")).isEqualTo(new BigDecimal("10.00"));
    assertThat(DecimalAmounts.parse("0.1")).isEqualTo(new BigDecimal("0.10"));
    assertThat(DecimalAmounts.parse("-250.15")).isEqualTo(new BigDecimal("-250.15"));
  }

  @Test
  void refusesAnythingElse() {
    assertThat(DecimalAmounts.parse("21.857")).isNull();
    assertThat(DecimalAmounts.parse("1e3")).isNull();
    assertThat(DecimalAmounts.parse(" 1.00")).isNull();
    assertThat(DecimalAmounts.parse("+1.00")).isNull();
    assertThat(DecimalAmounts.parse("1.")).isNull();
    assertThat(DecimalAmounts.parse("")).isNull();
    assertThat(DecimalAmounts.parse(null)).isNull();
    assertThat(DecimalAmounts.parse("1".repeat(16))).isNull();
  }

  @Test
  void formatsWithTwoDecimals() {
    assertThat(DecimalAmounts.format(new BigDecimal("10"))).isEqualTo("10.00");
    assertThat(DecimalAmounts.format(new BigDecimal("2000.5"))).isEqualTo("2000.50");
  }
}
