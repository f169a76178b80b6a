package org.financingorchestrator.workflows.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.financingorchestrator.workflows.common.Money;
import org.junit.jupiter.api.Test;

class AfterpayPaymentLimitsTest {

  private static Money usd(String amount) {
    return new Money(new BigDecimal(amount), "USD");
  }

  @Test
  void allowsATotalBetweenTheLimitsInclusive() {
    AfterpayPaymentLimits limits = new AfterpayPaymentLimits(usd("1.00"), usd("2000.00"));
    assertThat(limits.allows(usd("1.00"))).isTrue();
    assertThat(limits.allows(usd("2000.00"))).isTrue();
    assertThat(limits.allows(usd("0.99"))).isFalse();
    assertThat(limits.allows(usd("2000.01"))).isFalse();
  }

  @Test
  void limitsInAnotherCurrencyAllowNothingInsteadOfThrowingInWorkflowCode() {
    AfterpayPaymentLimits limits =
        new AfterpayPaymentLimits(new Money(new BigDecimal("1.00"), "AUD"), new Money(new BigDecimal("2000.00"), "AUD"));
    assertThat(limits.allows(usd("21.85"))).isFalse();
  }

  @Test
  void noInstallmentConfigurationAllowsNothing() {
    assertThat(new AfterpayPaymentLimits(null, null).allows(usd("21.85"))).isFalse();
  }
}
