package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Affirm checkout through the whole stack: the real Temporal dev server, the sandbox playing
 * Affirm (Affirm.js's checkout, the shopper's page, the charges API), the worker with its real
 * Feign client, and starter-api, driven over HTTP as the merchant, the shopper's browser and
 * Affirm would.
 */
@RequiresLocalTools("temporal")
class AffirmCheckoutEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  private static InProcessStack stack;
  private static int apiPort;
  private static int sandboxPort;

  @BeforeAll
  static void startTheStack() {
    stack =
        InProcessStack.start(
            "affirm-end-to-end",
            // This test's merchant pages (the demo's own are shop.example and localhost).
            "--merchants.demo.redirect-hosts=merchant.example",
            "--codec-server.token=affirm-e2e");
    apiPort = stack.apiPort();
    sandboxPort = stack.sandboxPort();
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anAffirmCheckoutIsAuthorizedCapturedPartlyRefundedAndUpdated() throws Exception {
    String body = checkout("e2e-2001");
    HttpResponse<String> created = send(post(api("/v1/affirm/checkouts"), body));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String flowId = JSON.readTree(created.body()).get("flowId").asText();
    assertThat(flowId).isEqualTo("affirm-demo-e2e-2001");
    JsonNode checkout = JSON.readTree(created.body()).get("checkout");
    assertThat(JSON.readTree(send(post(api("/v1/affirm/checkouts"), body)).body()).get("flowId").asText()).isEqualTo(flowId);

    // The merchant's page hands the checkout object to Affirm.js; the shopper confirms at Affirm,
    // whose page posts checkout_token to our confirmation URL.
    String checkoutId = openAtAffirm(checkout);
    HttpResponse<String> form = send(post(sandbox("/affirm/checkout/" + checkoutId + "/confirm"), null));
    String confirmationUrl = checkout.at("/merchant/user_confirmation_url").asText();
    assertThat(form.body()).contains("action=\"" + confirmationUrl + "\"").contains("name=\"checkout_token\"");
    String token = form.body().replaceAll("(?s).*name=\"checkout_token\" value=\"([^\"]+)\".*", "$1");

    HttpResponse<String> landing = send(postForm(URI.create(confirmationUrl), "checkout_token=" + token));
    assertThat(landing.statusCode()).as(landing.body()).isEqualTo(303);
    assertThat(location(landing)).isEqualTo("https://merchant.example/confirm?flowId=" + flowId + "&status=AUTHORIZED");
    assertThat(location(send(postForm(URI.create(confirmationUrl), "checkout_token=" + token)))).isEqualTo(location(landing));

    JsonNode authorized = flow(flowId);
    assertThat(authorized.get("state").asText()).isEqualTo("AUTHORIZED");
    String chargeId = authorized.get("providerIds").get("chargeId").asText();
    assertThat(ledger(chargeId, "CHARGE_AUTHORIZED")).hasSize(1);

    HttpResponse<String> captured =
        send(post(api("/v1/flows/" + flowId + "/capture"), "{\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"},\"shippingCarrier\":\"USPS\"}"));
    assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
    assertThat(JSON.readTree(captured.body()).get("state").asText()).isEqualTo("CAPTURED");
    List<JsonNode> captures = ledger(chargeId, "CHARGE_CAPTURED");
    assertThat(captures).hasSize(1);
    assertThat(captures.get(0).get("amount").asText()).isEqualTo("50.00");
    assertThat(captures.get(0).get("requestId").asText()).isNotBlank();
    assertThat(send(post(api("/v1/flows/" + flowId + "/void"), null)).statusCode()).isEqualTo(409);

    String refund = "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"USD\"},\"merchantReference\":\"RF-1\"}";
    HttpResponse<String> refunded = send(post(api("/v1/flows/" + flowId + "/refunds"), refund));
    assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
    assertThat(send(post(api("/v1/flows/" + flowId + "/refunds"), refund)).statusCode()).isEqualTo(201);
    List<JsonNode> refunds = ledger(chargeId, "CHARGE_REFUNDED");
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).get("requestId").asText()).isEqualTo(JSON.readTree(refunded.body()).get("requestId").asText());
    HttpResponse<String> tooMuch =
        send(post(api("/v1/flows/" + flowId + "/refunds"), "{\"amount\":{\"amount\":\"45.01\",\"currency\":\"USD\"},\"merchantReference\":\"RF-2\"}"));
    assertThat(tooMuch.statusCode()).isBetween(400, 499);

    assertThat(send(post(api("/v1/flows/" + flowId + "/update"), "{\"shippingConfirmation\":\"1Z999\"}")).statusCode()).isEqualTo(200);
    assertThat(ledger(chargeId, "CHARGE_UPDATED")).hasSize(1);

    JsonNode after = flow(flowId);
    assertThat(after.get("state").asText()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(new BigDecimal(after.get("capturedAmount").get("amount").asText())).isEqualByComparingTo("50.00");
    assertThat(new BigDecimal(after.get("refundedAmount").get("amount").asText())).isEqualByComparingTo("5.00");
    assertThat(after.toString()).doesNotContain(token, "John Doe", "325 Pacific Ave");
  }

  @Test
  void anAuthorizedAmountOtherThanTheTotalIsVoidedAndTheShopperSentBack() throws Exception {
    HttpResponse<String> created = send(post(api("/v1/affirm/checkouts"), checkout("e2e-2002")));
    JsonNode checkout = JSON.readTree(created.body()).get("checkout");
    String flowId = JSON.readTree(created.body()).get("flowId").asText();
    String checkoutId = openAtAffirm(checkout);

    JsonNode confirmed =
        JSON.readTree(
            send(HttpRequest.newBuilder(sandbox("/affirm/checkout/" + checkoutId + "/confirm?authorizeAmount=5900"))
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
                .body());
    HttpResponse<String> landing =
        send(postForm(
            URI.create(confirmed.get("user_confirmation_url").asText()),
            "checkout_token=" + URLEncoder.encode(confirmed.get("checkout_token").asText(), StandardCharsets.UTF_8)));

    assertThat(location(landing))
        .startsWith("https://merchant.example/cancel?flowId=" + flowId + "&status=FAILED&reason=amount_mismatch");
    JsonNode failed = flow(flowId);
    assertThat(failed.get("failure").get("code").asText()).isEqualTo("amount_mismatch");
    assertThat(ledger(failed.get("providerIds").get("chargeId").asText(), "CHARGE_VOIDED")).hasSize(1);
  }

  @Test
  void theShopperCancelsAtAffirm() throws Exception {
    HttpResponse<String> created = send(post(api("/v1/affirm/checkouts"), checkout("e2e-2003")));
    JsonNode checkout = JSON.readTree(created.body()).get("checkout");
    String flowId = JSON.readTree(created.body()).get("flowId").asText();

    HttpResponse<String> cancelled = send(post(sandbox("/affirm/checkout/" + openAtAffirm(checkout) + "/cancel"), null));
    HttpResponse<String> landing = send(HttpRequest.newBuilder(URI.create(location(cancelled))).GET().build());

    assertThat(location(landing)).isEqualTo("https://merchant.example/cancel?flowId=" + flowId + "&status=CANCELLED&reason=shopper_cancelled");
    assertThat(flow(flowId).get("state").asText()).isEqualTo("CANCELLED");
  }

  private static String openAtAffirm(JsonNode checkout) throws Exception {
    HttpResponse<String> opened = send(post(sandbox("/affirm/js/checkout"), checkout.toString()));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return JSON.readTree(opened.body()).get("checkout_id").asText();
  }

  private static String checkout(String orderId) {
    return """
        {"orderId": "%s", "total": {"amount": "61.00", "currency": "USD"},
         "items": [{"displayName": "Sweater", "sku": "sweater-a92123", "unitPrice": {"amount": "50.00", "currency": "USD"}, "qty": 1}],
         "shipping": {"name": "John Doe", "line1": "325 Pacific Ave", "city": "San Francisco", "state": "CA", "zipcode": "94112", "country": "USA"},
         "taxAmount": {"amount": "7.00", "currency": "USD"}, "shippingAmount": {"amount": "4.00", "currency": "USD"},
         "merchant": {"redirectConfirmUrl": "https://merchant.example/confirm", "redirectCancelUrl": "https://merchant.example/cancel"}}
        """.formatted(orderId);
  }

  private static JsonNode flow(String flowId) throws Exception {
    HttpResponse<String> status = send(get(api("/v1/flows/" + flowId)));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return JSON.readTree(status.body());
  }

  private static List<JsonNode> ledger(String reference, String type) throws Exception {
    HttpResponse<String> response = send(get(sandbox("/sandbox/ledger?provider=affirm&reference=" + reference)));
    List<JsonNode> entries = new ArrayList<>();
    JSON.readTree(response.body()).forEach(entry -> {
      if (type.equals(entry.get("type").asText())) {
        entries.add(entry);
      }
    });
    return entries;
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static URI api(String path) {
    return URI.create("http://localhost:" + apiPort + path);
  }

  private static URI sandbox(String path) {
    return URI.create("http://localhost:" + sandboxPort + path);
  }

  private static HttpRequest get(URI uri) {
    return asDemoMerchant(uri).GET().build();
  }

  private static HttpRequest post(URI uri, String json) {
    HttpRequest.Builder request = asDemoMerchant(uri);
    if (json == null) {
      return request.POST(HttpRequest.BodyPublishers.noBody()).build();
    }
    return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  /** What the shopper's browser sends: the form Affirm's page submits, no merchant key. */
  private static HttpRequest postForm(URI uri, String form) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static HttpRequest.Builder asDemoMerchant(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + TestMerchants.DEMO_KEY);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

}
