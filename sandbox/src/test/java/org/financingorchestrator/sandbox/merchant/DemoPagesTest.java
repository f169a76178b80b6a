package org.financingorchestrator.sandbox.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order's page shows what a shopper may see of a status, escaped, and reloads only while the flow moves. */
class DemoPagesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DemoOrder ORDER = new DemoOrder("shop-0123456789abcdef", DemoProvider.AFTERPAY, "afterpay-demo-shop-0123456789abcdef", null);

  @Test
  void aDeclinedFlowShowsItsFailureEscapedAndOnlyTheShoppersPartOfTheStatus() {
    JsonNode status =
        JSON.readTree(
            """
            {"flowId":"afterpay-demo-shop-0123456789abcdef","provider":"afterpay","state":"DECLINED",
             "orderAmount":{"amount":"61.00","currency":"USD"},"capturedAmount":{"amount":"0.00","currency":"USD"},
             "providerIds":{"paymentId":"pay-secret-ish"},
             "failure":{"source":"afterpay","code":"declined","message":"<script>alert(1)</script>","httpStatus":402},
             "steps":[{"name":"started","at":"2026-11-22T07:00:00Z","detail":"joe@example.com"}]}
            """);

    String page = DemoPages.order(ORDER, "Your order was not paid", status);

    assertThat(page)
        .contains("<span id=\"state\">DECLINED</span>", "USD 61.00", "afterpay: declined &lt;script&gt;alert(1)&lt;/script&gt;", "started")
        .doesNotContain("<script>", "pay-secret-ish", "joe@example.com", "id=\"captured\"", "http-equiv=\"refresh\"");
  }

  @Test
  void aFlowStillWaitingOnTheShopperReloadsAndAChargeAfterOrderShowsItsLink() {
    DemoOrder order = new DemoOrder("shop-1", DemoProvider.CHARGEAFTER, "chargeafter-demo-shop-1", "http://localhost:8090/chargeafter/consumer/t-1");
    JsonNode status = JSON.readTree("{\"provider\":\"chargeafter\",\"state\":\"AWAITING_SHOPPER\",\"steps\":[]}");

    String page = DemoPages.order(order, "Order placed", status);

    assertThat(page).contains("http-equiv=\"refresh\"", "id=\"link\" href=\"http://localhost:8090/chargeafter/consumer/t-1\"");
  }
}
