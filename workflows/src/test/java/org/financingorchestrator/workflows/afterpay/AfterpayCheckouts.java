package org.financingorchestrator.workflows.afterpay;

import java.time.Duration;
import java.util.List;
import org.financingorchestrator.workflows.common.Money;

/** Sample checkouts for tests: Afterpay's own example order, whose lines add up to 21.85. */
final class AfterpayCheckouts {

  static final String CONFIRM_PAGE = "https://merchant.example/checkout/confirm";
  static final String CANCEL_PAGE = "https://merchant.example/checkout/cancel?lang=en";

  static AfterpayCheckoutRequest request(String merchantReference) {
    AfterpayContact address =
        new AfterpayContact("Joe Consumer", "75 Queen St", null, null, "New York", "10001", "US", "2120000000");
    return new AfterpayCheckoutRequest(
        merchantReference,
        usd("21.85"),
        new AfterpayConsumer("2120000000", "Joe", "Consumer", "joe@example.com"),
        address,
        address,
        null,
        "One widget",
        List.of(new AfterpayItem("widget", "12341234", 1, usd("10.00"))),
        List.of(new AfterpayDiscount("10% Off Subtotal", usd("1.00"))),
        usd("2.85"),
        usd("10.00"),
        new AfterpayMerchantRedirects(CONFIRM_PAGE, CANCEL_PAGE));
  }

  /** The merchant the tests' flows belong to. */
  static final String MERCHANT_ID = "shopa";

  /** As the API's FlowIds makes it. */
  static String flowId(String merchantReference) {
    return AfterpayCheckoutWorkflow.WORKFLOW_ID_PREFIX + MERCHANT_ID + "-" + merchantReference;
  }

  static AfterpayCheckoutInput input(AfterpayCheckoutRequest request) {
    String flowId = flowId(request.merchantReference());
    return new AfterpayCheckoutInput(
        request,
        new AfterpayCallbacks(
            "https://api.example/v1/callbacks/afterpay/" + flowId + "/confirm",
            "https://api.example/v1/callbacks/afterpay/" + flowId + "/cancel"),
        Duration.ofDays(120),
        MERCHANT_ID);
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private AfterpayCheckouts() {}
}
