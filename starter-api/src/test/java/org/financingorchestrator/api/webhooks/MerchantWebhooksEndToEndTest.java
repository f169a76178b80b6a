package org.financingorchestrator.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.financingorchestrator.api.stack.StackHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Merchant webhooks on the real dev server, as the local stack runs them: the worker signs each
 * event with the demo merchant's secret and POSTs it to the sandbox's receiver, which verifies it
 * as a merchant would.
 */
@RequiresLocalTools("temporal")
class MerchantWebhooksEndToEndTest {

  /** An Affirm checkout whose lines add up to its 61.00 total. */
  private static final String AFFIRM_CHECKOUT = """
      {"orderId": "webhooks-affirm", "total": {"amount": "61.00", "currency": "USD"},
       "items": [{"displayName": "Sweater", "sku": "sw-1", "unitPrice": {"amount": "50.00", "currency": "USD"}, "qty": 1}],
       "shipping": {"name": "John Doe", "line1": "1 Main St", "city": "Oakland", "state": "CA", "zipcode": "94607", "country": "USA"},
       "taxAmount": {"amount": "7.00", "currency": "USD"}, "shippingAmount": {"amount": "4.00", "currency": "USD"},
       "merchant": {"redirectConfirmUrl": "https://merchant.example/confirm", "redirectCancelUrl": "https://merchant.example/cancel"}}
      """;

  private static InProcessStack stack;

  @BeforeAll
  static void startTheStack() {
    stack = InProcessStack.startWithDemoWebhooks("merchant-webhooks", "--merchants.demo.redirect-hosts=merchant.example");
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anAfterpayCheckoutCapturedAndRefundedReachesTheMerchantSignedVerifiedInOrderEachOnce() throws Exception {
    JsonNode checkout = create("webhooks-captured");
    String flowId = checkout.path("flowId").asString();
    awaitEvents(flowId, 1);

    HttpResponse<String> approved = StackHttp.post(sandbox("/afterpay/checkout/" + checkout.path("token").asString() + "/approve"), null);
    assertThat(StackHttp.get(URI.create(StackHttp.location(approved))).statusCode()).isEqualTo(303);
    awaitEvents(flowId, 2);
    HttpResponse<String> refund =
        StackHttp.post(api("/v1/flows/" + flowId + "/refunds"),
            "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"USD\"},\"merchantReference\":\"RF-1\"}");
    assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
    List<JsonNode> events = awaitEvents(flowId, 3);

    assertThat(events).extracting(e -> e.path("type").asString())
        .containsExactly("flow.awaiting_shopper", "flow.captured", "flow.partially_refunded");
    assertThat(events).allSatisfy(received -> {
      assertThat(received.path("verified").asBoolean()).isTrue();
      assertThat(received.path("duplicate").asBoolean()).isFalse();
      assertThat(received.path("answer").asInt()).isEqualTo(204);
      // The header's id is the body's.
      assertThat(received.path("id").asString()).isEqualTo(received.at("/event/id").asString());
    });
    assertThat(events).extracting(e -> e.path("id").asString()).doesNotHaveDuplicates();
    JsonNode refunded = events.get(2).path("event");
    assertThat(refunded.path("provider").asString()).isEqualTo("afterpay");
    assertThat(refunded.path("merchantId").asString()).isEqualTo("demo");
    assertThat(refunded.path("merchantReference").asString()).isEqualTo("webhooks-captured");
    assertThat(refunded.path("state").asString()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(refunded.at("/capturedAmount/amount").asString()).isEqualTo("21.85");
    assertThat(refunded.at("/refundedAmount/amount").asString()).isEqualTo("5.00");
    assertThat(refunded.at("/refundedAmount/currency").asString()).isEqualTo("USD");
    // Ids, state and amounts only: nothing of the shopper's, no provider token.
    String bodies = events.toString();
    assertThat(bodies).doesNotContain("joe@example.com", "Consumer", checkout.path("token").asString());
  }

  @Test
  void aReceiverFailingThreeTimesGetsTheEventOnTheFourthAttemptAndTheFlowDoesNotWait() throws Exception {
    assertThat(StackHttp.post(sandbox("/sandbox/webhooks/demo/failures?count=3"), null).statusCode()).isEqualTo(204);

    JsonNode checkout = create("webhooks-retried");
    String flowId = checkout.path("flowId").asString();
    // The flow answered the merchant and waits for the shopper while its event is still being refused.
    assertThat(checkout.path("status").asString()).isEqualTo("AWAITING_SHOPPER");

    List<JsonNode> attempts =
        Awaitility.await("the fourth attempt")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> received(flowId), list -> list.size() == 4);
    assertThat(attempts).extracting(a -> a.path("answer").asInt()).containsExactly(503, 503, 503, 204);
    assertThat(attempts).extracting(a -> a.path("id").asString()).containsOnly(attempts.get(0).path("id").asString());
    assertThat(attempts.get(3).path("verified").asBoolean()).isTrue();
    assertThat(attempts.get(3).path("type").asString()).isEqualTo("flow.awaiting_shopper");
  }

  @Test
  void anAffirmCheckoutAuthorizedAndCapturedReachesTheMerchantSignedVerifiedInOrderEachOnce() throws Exception {
    HttpResponse<String> created = StackHttp.post(api("/v1/affirm/checkouts"), AFFIRM_CHECKOUT);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String flowId = Http.JSON.readTree(created.body()).path("flowId").asString();
    JsonNode checkout = Http.JSON.readTree(created.body()).path("checkout");
    awaitEvents(flowId, 1);

    // The shopper at Affirm's page, then back through the confirmation URL with the token.
    HttpResponse<String> opened = StackHttp.post(sandbox("/affirm/js/checkout"), checkout.toString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String checkoutId = Http.JSON.readTree(opened.body()).path("checkout_id").asString();
    String form = StackHttp.post(sandbox("/affirm/checkout/" + checkoutId + "/confirm"), null).body();
    String token = form.replaceAll("(?s).*name=\"checkout_token\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> landing =
        StackHttp.postForm(URI.create(checkout.at("/merchant/user_confirmation_url").asString()), "checkout_token=" + token);
    assertThat(landing.statusCode()).as(landing.body()).isEqualTo(303);
    awaitEvents(flowId, 2);
    HttpResponse<String> captured =
        StackHttp.post(api("/v1/flows/" + flowId + "/capture"), "{\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"}}");
    assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
    List<JsonNode> events = awaitEvents(flowId, 3);

    assertThat(events).extracting(e -> e.path("type").asString())
        .containsExactly("flow.awaiting_shopper", "flow.authorized", "flow.captured");
    assertThat(events).allSatisfy(received -> {
      assertThat(received.path("verified").asBoolean()).isTrue();
      assertThat(received.path("duplicate").asBoolean()).isFalse();
      assertThat(received.path("event").path("provider").asString()).isEqualTo("affirm");
      assertThat(received.at("/event/orderAmount/amount").asString()).isEqualTo("61.00");
    });
    assertThat(events).extracting(e -> e.path("id").asString()).doesNotHaveDuplicates();
    assertThat(events.get(1).at("/event/capturedAmount").isMissingNode()).isTrue();
    assertThat(events.get(2).at("/event/capturedAmount/amount").asString()).isEqualTo("50.00");
    assertThat(events.toString()).doesNotContain(token, "John Doe");
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Until the merchant has taken {@code count} events of the flow; those, in order of arrival. */
  private static List<JsonNode> awaitEvents(String flowId, int count) {
    return Awaitility.await(flowId + " " + count + " events")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> received(flowId).stream().filter(r -> r.path("answer").asInt() == 204).toList(),
            taken -> taken.size() >= count);
  }

  /** Every request the demo merchant's receiver got for the flow, in order. */
  private static List<JsonNode> received(String flowId) throws Exception {
    JsonNode inbox = Http.JSON.readTree(StackHttp.get(sandbox("/sandbox/webhooks/demo")).body());
    List<JsonNode> mine = new ArrayList<>();
    inbox.path("received").forEach(r -> {
      if (flowId.equals(r.at("/event/flowId").asString())) {
        mine.add(r);
      }
    });
    return mine;
  }

  private static JsonNode create(String merchantReference) throws Exception {
    var body = Checkouts.body(merchantReference);
    body.putObject("merchant")
        .put("redirectConfirmUrl", "https://merchant.example/confirm")
        .put("redirectCancelUrl", "https://merchant.example/cancel");
    HttpResponse<String> created = StackHttp.post(api(Checkouts.PATH), Http.JSON.writeValueAsString(body));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.JSON.readTree(created.body());
  }

  private static URI api(String path) {
    return URI.create("http://localhost:" + stack.apiPort() + path);
  }

  private static URI sandbox(String path) {
    return URI.create("http://localhost:" + stack.sandboxPort() + path);
  }
}
