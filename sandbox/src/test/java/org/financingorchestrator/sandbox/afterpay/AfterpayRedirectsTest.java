package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AfterpayRedirectsTest {

  private static String location(String confirmUrl, AfterpayShopperDecision decision) {
    AfterpayOrder order =
        new AfterpayOrder(
            "tok123",
            Instant.EPOCH,
            AfterpayMoney.usd(java.math.BigDecimal.TEN),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new AfterpayMerchant(confirmUrl, "https://m.example/cancel"),
            AfterpayOrder.PAY_BY_INSTALLMENT,
            null,
            null,
            null);
    return AfterpayRedirects.location(
        new AfterpayOrderRecord(order, Instant.EPOCH, AfterpayShopperStep.of(decision)));
  }

  @Test
  void appendsToTheQueryBeforeAnyFragment() {
    assertThat(location("https://m.example/ok", AfterpayShopperDecision.APPROVED))
        .isEqualTo("https://m.example/ok?orderToken=tok123&status=SUCCESS");
    assertThat(location("https://m.example/ok?a=1", AfterpayShopperDecision.APPROVED))
        .isEqualTo("https://m.example/ok?a=1&orderToken=tok123&status=SUCCESS");
    assertThat(location("https://m.example/ok?", AfterpayShopperDecision.APPROVED))
        .isEqualTo("https://m.example/ok?orderToken=tok123&status=SUCCESS");
    assertThat(location("https://m.example/ok#done", AfterpayShopperDecision.APPROVED))
        .isEqualTo("https://m.example/ok?orderToken=tok123&status=SUCCESS#done");
  }

  @Test
  void cancelAndDeclineGoToTheCancelUrl() {
    assertThat(location("https://m.example/ok", AfterpayShopperDecision.CANCELLED))
        .isEqualTo("https://m.example/cancel?orderToken=tok123&status=CANCELLED");
    assertThat(location("https://m.example/ok", AfterpayShopperDecision.DECLINED))
        .isEqualTo("https://m.example/cancel?orderToken=tok123&status=FAILURE");
  }
}
