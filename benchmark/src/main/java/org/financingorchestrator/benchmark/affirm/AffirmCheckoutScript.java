package org.financingorchestrator.benchmark.affirm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.financingorchestrator.benchmark.common.FlowOutcome;
import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.Http;

/**
 * An Affirm checkout as README walks it, over HTTP: the merchant creates the checkout (201 with
 * the checkout object for Affirm.js), the shopper's Affirm.js opens it at the sandbox and the
 * shopper confirms, the browser posts the checkout token to our confirmation URL (303 to the
 * merchant's page once the charge is authorized and its amount checked), and the merchant
 * captures it when it ships. The shopper's wait is the token's post. The same script drives
 * starter-api and the direct baseline, which answer alike; only the capture's URL differs.
 */
public final class AffirmCheckoutScript implements FlowScript {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient FORMS =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

  private final Http http;
  private final String checkoutsUrl;
  private final String authorization;
  private final String sandboxBase;
  /** The capture's URL, from the flow id the create answered. */
  private final UnaryOperator<String> captureUrl;

  public AffirmCheckoutScript(
      Http http, String checkoutsUrl, String authorization, String sandboxBase, UnaryOperator<String> captureUrl) {
    this.http = http;
    this.checkoutsUrl = checkoutsUrl;
    this.authorization = authorization;
    this.sandboxBase = sandboxBase;
    this.captureUrl = captureUrl;
  }

  @Override
  public FlowOutcome run(String reference) throws Exception {
    HttpResponse<String> created = http.postJson(checkoutsUrl, authorization, body(reference));
    if (created.statusCode() != 201) {
      return FlowOutcome.failed("create " + created.statusCode());
    }
    JsonNode answer = JSON.readTree(created.body());
    String flowId = answer.path("flowId").asText();
    HttpResponse<String> opened =
        http.postJson(sandboxBase + "/affirm/js/checkout", null, JSON.writeValueAsString(answer.get("checkout")));
    String checkoutId = opened.statusCode() / 100 == 2 ? JSON.readTree(opened.body()).path("checkout_id").asText() : "";
    if (checkoutId.isEmpty()) {
      return FlowOutcome.failed("open " + opened.statusCode());
    }
    HttpResponse<String> confirmed =
        FORMS.send(
            HttpRequest.newBuilder(URI.create(sandboxBase + "/affirm/checkout/" + checkoutId + "/confirm"))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (confirmed.statusCode() / 100 != 2) {
      return FlowOutcome.failed("shopper confirm " + confirmed.statusCode());
    }
    JsonNode confirmation = JSON.readTree(confirmed.body());
    String form = "checkout_token=" + URLEncoder.encode(confirmation.path("checkout_token").asText(), StandardCharsets.UTF_8);

    long returned = System.nanoTime();
    HttpResponse<String> posted =
        FORMS.send(
            HttpRequest.newBuilder(URI.create(confirmation.path("user_confirmation_url").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long answered = System.nanoTime();
    String page = Http.location(posted);
    if (posted.statusCode() != 303 || page == null || !page.contains("status=AUTHORIZED")) {
      return FlowOutcome.failed("token " + posted.statusCode());
    }

    HttpResponse<String> captured =
        http.postJson(captureUrl.apply(flowId), authorization,
            "{\"orderId\": \"" + reference + "\", \"shippingCarrier\": \"USPS\", \"shippingConfirmation\": \"1Z999AA10123456784\"}");
    if (captured.statusCode() != 200 || !captured.body().contains("CAPTURED")) {
      return FlowOutcome.failed("capture " + captured.statusCode());
    }
    return FlowOutcome.completed(answered - returned);
  }

  /** README's checkout, with the order id of this flow. */
  static String body(String orderId) {
    return """
        {"orderId": "%s",
         "total": {"amount": "61.00", "currency": "USD"},
         "items": [{"displayName": "Sweater", "sku": "sweater-a92123", "unitPrice": {"amount": "50.00", "currency": "USD"}, "qty": 1}],
         "shipping": {"name": "John Doe", "line1": "325 Pacific Ave", "city": "San Francisco", "state": "CA", "zipcode": "94112", "country": "USA"},
         "taxAmount": {"amount": "7.00", "currency": "USD"},
         "shippingAmount": {"amount": "4.00", "currency": "USD"},
         "merchant": {"redirectConfirmUrl": "https://shop.example/order/confirmed", "redirectCancelUrl": "https://shop.example/checkout/payment"}}
        """
        .formatted(orderId);
  }
}
