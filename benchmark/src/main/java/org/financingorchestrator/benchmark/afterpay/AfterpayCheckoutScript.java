package org.financingorchestrator.benchmark.afterpay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.financingorchestrator.benchmark.common.FlowOutcome;
import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.Http;

/**
 * An Afterpay checkout as README walks it, over HTTP: the merchant creates the checkout (201 with
 * the order token), the shopper approves on the sandbox's Afterpay (303 to the confirm callback),
 * and the browser follows the callback, which answers 303 to the merchant's page after the
 * capture. The shopper's wait is that last request. The same script drives starter-api and the
 * direct baseline, which take the same body and answer the same way.
 */
public final class AfterpayCheckoutScript implements FlowScript {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Http http;
  private final String checkoutsUrl;
  private final String authorization;
  private final String sandboxBase;

  public AfterpayCheckoutScript(Http http, String checkoutsUrl, String authorization, String sandboxBase) {
    this.http = http;
    this.checkoutsUrl = checkoutsUrl;
    this.authorization = authorization;
    this.sandboxBase = sandboxBase;
  }

  @Override
  public FlowOutcome run(String reference) throws Exception {
    Created created = create(reference);
    if (created.failure() != null) {
      return FlowOutcome.failed(created.failure());
    }
    String token = created.token();
    HttpResponse<String> approved =
        http.post(sandboxBase + "/afterpay/checkout/" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "/approve");
    String callback = Http.location(approved);
    if (approved.statusCode() != 303 || callback == null) {
      return FlowOutcome.failed("approve " + approved.statusCode());
    }
    long returned = System.nanoTime();
    HttpResponse<String> confirmed = http.get(callback);
    long answered = System.nanoTime();
    String page = Http.location(confirmed);
    if (confirmed.statusCode() != 303 || page == null || !page.contains("status=CAPTURED")) {
      return FlowOutcome.failed("confirm " + confirmed.statusCode() + (page == null ? "" : " " + status(page)));
    }
    return FlowOutcome.completed(answered - returned);
  }

  /** The merchant's create: the order's token, or why there is none. */
  public record Created(String token, String failure) {}

  /** Creates the checkout, which then waits for the shopper (the parked flows are made so). */
  public Created create(String reference) throws Exception {
    HttpResponse<String> created = http.postJson(checkoutsUrl, authorization, body(reference));
    if (created.statusCode() != 201) {
      return new Created(null, "create " + created.statusCode());
    }
    JsonNode token = JSON.readTree(created.body()).get("token");
    if (token == null || token.asText().isEmpty()) {
      return new Created(null, "create without token");
    }
    return new Created(token.asText(), null);
  }

  private static String status(String page) {
    int at = page.indexOf("status=");
    return at < 0 ? "no status" : page.substring(at);
  }

  /** README's checkout, with the reference of this flow. */
  static String body(String reference) {
    return """
        {"merchantReference": "%s",
         "totalAmount": {"amount": "21.85", "currency": "USD"},
         "consumer": {"givenNames": "Joe", "surname": "Consumer", "email": "joe@example.com", "phoneNumber": "2120000000"},
         "shipping": {"name": "Joe Consumer", "line1": "75 Queen St", "state": "NY", "postcode": "10001", "countryCode": "US"},
         "items": [{"name": "widget", "sku": "12341234", "quantity": 1, "price": {"amount": "10.00", "currency": "USD"}}],
         "discounts": [{"displayName": "10%% Off Subtotal", "amount": {"amount": "1.00", "currency": "USD"}}],
         "taxAmount": {"amount": "2.85", "currency": "USD"},
         "shippingAmount": {"amount": "10.00", "currency": "USD"},
         "merchant": {"redirectConfirmUrl": "https://shop.example/order/confirmed", "redirectCancelUrl": "https://shop.example/cart"}}
        """
        .formatted(reference);
  }
}
