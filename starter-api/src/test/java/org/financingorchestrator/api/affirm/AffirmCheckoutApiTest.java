package org.financingorchestrator.api.affirm;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.TestMerchants;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Affirm merchant API and callbacks over HTTP, with Affirm's workflow behind them on stub activities. */
class AffirmCheckoutApiTest extends ApiTest {

  static String checkout(String orderId, String total) {
    return """
        {"orderId": "%s", "total": {"amount": "%s", "currency": "USD"},
         "items": [{"displayName": "Sweater", "sku": "sweater-a92123", "unitPrice": {"amount": "50.00", "currency": "USD"}, "qty": 1}],
         "shipping": {"name": "John Doe", "line1": "325 Pacific Ave", "city": "San Francisco", "state": "CA", "zipcode": "94112", "country": "USA"},
         "discounts": [{"code": "RETURN5", "displayName": "Returning customer 5%% discount", "amount": {"amount": "5.00", "currency": "USD"}}],
         "taxAmount": {"amount": "7.00", "currency": "USD"}, "shippingAmount": {"amount": "4.00", "currency": "USD"},
         "merchant": {"redirectConfirmUrl": "https://shop.example/order/confirmed", "redirectCancelUrl": "https://shop.example/checkout/payment"}}
        """.formatted(orderId, total);
  }

  private JsonNode start(String orderId) {
    Http.Reply created = http.post("/v1/affirm/checkouts", checkout(orderId, "61.00"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private Http.Reply postToken(String url, String token) {
    return http.withKey(null)
        .send(
            http.withKey(null)
                .request(url.replace("http://localhost:8080", ""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("checkout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
  }

  @Test
  void startsAFlowAndAnswersTheCheckoutObjectWithSignedCallbacks() {
    String orderId = reference("AF-");
    JsonNode created = start(orderId);

    String flowId = "affirm-" + TestMerchants.A + "-" + orderId;
    assertThat(created.path("flowId").asString()).isEqualTo(flowId);
    assertThat(created.path("status").asString()).isEqualTo("AWAITING_SHOPPER");
    JsonNode checkout = created.path("checkout");
    assertThat(checkout.path("total").asLong()).isEqualTo(6100);
    assertThat(checkout.path("order_id").asString()).isEqualTo(orderId);
    assertThat(checkout.at("/items/0/unit_price").asLong()).isEqualTo(5000);
    assertThat(checkout.at("/discounts/RETURN5/discount_amount").asLong()).isEqualTo(500);
    assertThat(checkout.at("/shipping/name/full").asString()).isEqualTo("John Doe");
    assertThat(checkout.at("/merchant/user_confirmation_url").asString())
        .endsWith("/v1/callbacks/affirm/" + flowId + "/confirm?sig=" + signatures.sign(flowId));
    assertThat(checkout.at("/merchant/user_cancel_url").asString())
        .endsWith("/v1/callbacks/affirm/" + flowId + "/cancel?sig=" + signatures.sign(flowId));

    assertThat(start(orderId).path("flowId").asString()).isEqualTo(flowId);
    assertThat(runsOf(flowId)).hasSize(1);
    assertProblem(http.post("/v1/affirm/checkouts", checkout(orderId, "62.00")), 409);
  }

  @Test
  void authorizesCapturesAndRefundsThroughTheApi() {
    JsonNode created = start(reference("AF-"));
    String flowId = created.path("flowId").asString();
    String confirmUrl = created.at("/checkout/merchant/user_confirmation_url").asString();

    assertInvalid(postToken(confirmUrl.replaceAll("sig=.*", "sig=forged"), "TOKEN-1"), "sig");
    Http.Reply confirmed = postToken(confirmUrl, "TOKEN-1");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(303);
    assertThat(confirmed.header("Location"))
        .isEqualTo("https://shop.example/order/confirmed?flowId=" + flowId + "&status=AUTHORIZED");
    long updates = updatesIn(flowId);
    Http.Reply again = postToken(confirmUrl, "TOKEN-1");
    assertThat(again.header("Location")).isEqualTo(confirmed.header("Location"));
    assertThat(updatesIn(flowId)).isEqualTo(updates);

    assertProblem(http.post("/v1/flows/" + flowId + "/refunds", "{\"amount\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"merchantReference\":\"RF-0\"}"), 409);
    Http.Reply captured = http.post("/v1/flows/" + flowId + "/capture", "{\"orderId\":\"x1\",\"shippingCarrier\":\"USPS\"}");
    assertThat(captured.status()).as(captured.toString()).isEqualTo(200);
    assertThat(captured.json().path("state").asString()).isEqualTo("CAPTURED");
    assertThat(http.post("/v1/flows/" + flowId + "/capture", "{\"orderId\":\"x1\",\"shippingCarrier\":\"USPS\"}").status()).isEqualTo(200);
    assertProblem(http.send(http.request("/v1/flows/" + flowId + "/void").POST(HttpRequest.BodyPublishers.noBody())), 409);

    Http.Reply refund =
        http.post("/v1/flows/" + flowId + "/refunds", "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"USD\"},\"merchantReference\":\"RF-1\"}");
    assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
    assertThat(http.post("/v1/flows/" + flowId + "/update", "{\"shippingConfirmation\":\"1Z999\"}").status()).isEqualTo(200);
    JsonNode status = http.get("/v1/flows/" + flowId).json();
    assertThat(status.path("state").asString()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(status.at("/refundedAmount/amount").asString()).isEqualTo("5.00");
    assertThat(status.toString()).doesNotContain("TOKEN-1");
    assertThat(http.withKey(TestMerchants.B_KEY).get("/v1/flows/" + flowId).status()).isEqualTo(404);
  }

  @Test
  void voidsBeforeCapture() {
    JsonNode created = start(reference("AF-"));
    String flowId = created.path("flowId").asString();
    postToken(created.at("/checkout/merchant/user_confirmation_url").asString(), "TOKEN-2");

    Http.Reply voided = http.send(http.request("/v1/flows/" + flowId + "/void").POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
    assertThat(voided.json().path("state").asString()).isEqualTo("VOIDED");
  }

  @Test
  void anExpiredTokenSendsTheShopperBackToThePaymentPageWithAffirmsMessage() {
    JsonNode created = start(reference("AF-"));
    String flowId = created.path("flowId").asString();

    Http.Reply refused = postToken(created.at("/checkout/merchant/user_confirmation_url").asString(), StubAffirmActivities.EXPIRED_TOKEN);

    assertThat(refused.status()).isEqualTo(303);
    assertThat(refused.header("Location"))
        .startsWith("https://shop.example/checkout/payment?flowId=" + flowId + "&status=FAILED&reason=checkout-token-expired&message=There+was+an+issue");
    assertThat(http.get("/v1/flows/" + flowId).json().at("/failure/code").asString()).isEqualTo("checkout-token-expired");
  }

  @Test
  void theCancelCallbackCancels() {
    JsonNode created = start(reference("AF-"));
    String cancelUrl = created.at("/checkout/merchant/user_cancel_url").asString().replace("http://localhost:8080", "");

    Http.Reply cancelled = http.withKey(null).send(http.withKey(null).request(cancelUrl).GET());

    assertThat(cancelled.status()).isEqualTo(303);
    assertThat(cancelled.header("Location")).contains("status=CANCELLED&reason=shopper_cancelled");
  }

  @Test
  void refusesBadInputNamingTheField() {
    assertInvalid(http.post("/v1/affirm/checkouts", checkout(reference("AF-"), "61.00").replace("\"total\": {\"amount\": \"61.00\", \"currency\": \"USD\"}", "\"total\": {\"amount\": \"61.00\", \"currency\": \"CAD\"}")), "total.currency");
    assertInvalid(http.post("/v1/affirm/checkouts", checkout("bad id", "61.00")), "orderId");
  }

  private long updatesIn(String flowId) {
    return client.fetchHistory(flowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }

  @SuppressWarnings("unused")
  private static URI uri(String url) {
    return URI.create(url);
  }
}
