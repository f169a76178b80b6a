package org.financingorchestrator.workflows.chargeafter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Sample send-links for tests: the document's checkout, whose cart adds up to 4296. */
final class ChargeAfterSendLinks {

  static final String MERCHANT_ID = "shopa";
  static final String SUCCESS_PAGE = "https://merchant.example/financing/approved";
  static final String FAILURE_PAGE = "https://merchant.example/financing/failed";
  static final String AUTH_KEY = "flow-key";
  static final ChargeAfterWaits WAITS =
      new ChargeAfterWaits(Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(3));

  private ChargeAfterSendLinks() {}

  static ChargeAfterConsumer consumer() {
    ChargeAfterAddress address = new ChargeAfterAddress("3 My Street", "My Building, 4th floor", "New York", "10019", "NY");
    return new ChargeAfterConsumer("John", "Doe", "john@example.com", "2124445555", "c-1", address, address);
  }

  static ChargeAfterSendLinkRequest checkout(String merchantOrderId) {
    ChargeAfterCart cart =
        new ChargeAfterCart(
            List.of(
                new ChargeAfterItem(
                    "Awesome Product", new BigDecimal("1999.0"), "AWSMPRDCT", 2, true, "Product category",
                    new ChargeAfterWarranty("Awesome Warranty", new BigDecimal("100.0"), "AWSMWRNTY"))),
            List.of(new ChargeAfterDiscount("Birthday discount", new BigDecimal("20"))),
            new BigDecimal("199.0"),
            new BigDecimal("19.0"),
            new BigDecimal("4296.0"));
    return new ChargeAfterSendLinkRequest(
        "e_commerce", "checkout", null, null, null, consumer(), false, "redirectUrl", cart, "USD", merchantOrderId,
        "corr-1", null, Map.of("store", "nyc"), SUCCESS_PAGE, FAILURE_PAGE);
  }

  static ChargeAfterSendLinkRequest apply(String merchantOrderId) {
    return new ChargeAfterSendLinkRequest(
        "call_center", "apply", null, null, null, consumer(), null, "email", null, null, merchantOrderId, null,
        new BigDecimal("300"), null, SUCCESS_PAGE, FAILURE_PAGE);
  }

  static String flowId(String merchantOrderId) {
    return ChargeAfterSendLinkWorkflow.PROVIDER + "-" + MERCHANT_ID + "-" + merchantOrderId;
  }

  static ChargeAfterSendLinkInput input(ChargeAfterSendLinkRequest request) {
    String base = "https://api.example/v1/callbacks/chargeafter/" + flowId(request.merchantOrderId());
    return new ChargeAfterSendLinkInput(
        request,
        new ChargeAfterCallbacks(base + "/final-postback", base + "/data-update-postback", base + "/success?sig=s", base + "/failure?sig=s", AUTH_KEY),
        WAITS,
        MERCHANT_ID);
  }

  static ChargeAfterPostback approved(String statusTrackingId, String token) {
    return new ChargeAfterPostback(
        statusTrackingId, "1234a6b4", "corr-1", Map.of("store", "nyc"), token, "consumer-1",
        List.of(new ChargeAfterCredit(new BigDecimal("5000"), new ChargeAfterLender("Lender", "lenderid"))),
        consumer(), new ChargeAfterLender("Lender", "lenderid"),
        token == null ? null : new ChargeAfterOrderInfo(new BigDecimal("4296"), new BigDecimal("199"), new BigDecimal("19")),
        null);
  }

  static ChargeAfterPostback failed(String statusTrackingId, String code) {
    return new ChargeAfterPostback(
        statusTrackingId, "1234a6b4", "corr-1", Map.of(), null, "consumer-1", List.of(), consumer(), null, null,
        new ChargeAfterError(code, "Because " + code));
  }

  static ChargeAfterPostback dataUpdate(String statusTrackingId, String creditAmount) {
    return new ChargeAfterPostback(
        statusTrackingId, "1234a6b4", "corr-1", null, null, "consumer-1",
        List.of(new ChargeAfterCredit(new BigDecimal(creditAmount), new ChargeAfterLender("Lender", "lenderid"))),
        consumer(), null, null, null);
  }
}
