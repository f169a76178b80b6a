package org.financingorchestrator.benchmark.chargeafter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.financingorchestrator.benchmark.common.FlowOutcome;
import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.Http;

/**
 * A ChargeAfter send-link as README walks it, over HTTP: the merchant sends README's cart by
 * redirectUrl (201 with the consumer's link), the consumer approves at the sandbox's ChargeAfter,
 * which posts the data update and the final postback to the merchant's side before sending the
 * browser to its success redirect, which forwards it to the merchant's page; the merchant then
 * reads the outcome (APPROVED, with the token). The consumer's wait is from the approval to the
 * merchant's page: ChargeAfter waits on our postbacks' answers before it redirects. The same
 * script drives starter-api and the direct baseline.
 */
final class ChargeAfterSendLinkScript implements FlowScript {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Http http;
  private final String sendLinksUrl;
  private final String authorization;

  ChargeAfterSendLinkScript(Http http, String sendLinksUrl, String authorization) {
    this.http = http;
    this.sendLinksUrl = sendLinksUrl;
    this.authorization = authorization;
  }

  @Override
  public FlowOutcome run(String reference) throws Exception {
    HttpResponse<String> sent = http.postJson(sendLinksUrl, authorization, body(reference));
    if (sent.statusCode() != 201) {
      return FlowOutcome.failed("send-link " + sent.statusCode());
    }
    String link = JSON.readTree(sent.body()).path("redirectUrl").asText();

    long approved = System.nanoTime();
    HttpResponse<String> decided = http.post(link + "/approve");
    String ourRedirect = Http.location(decided);
    if (decided.statusCode() != 303 || ourRedirect == null) {
      return FlowOutcome.failed("consumer approve " + decided.statusCode());
    }
    HttpResponse<String> forwarded = http.get(ourRedirect);
    long landed = System.nanoTime();
    String page = Http.location(forwarded);
    if (forwarded.statusCode() != 303 || page == null || !page.startsWith("https://shop.example/financing/approved")) {
      return FlowOutcome.failed("success redirect " + forwarded.statusCode());
    }

    HttpResponse<String> outcome = http.get(sendLinksUrl + "/" + reference, authorization);
    if (outcome.statusCode() != 200 || !outcome.body().contains("\"APPROVED\"")) {
      return FlowOutcome.failed("outcome " + outcome.statusCode());
    }
    return FlowOutcome.completed(landed - approved);
  }

  /** README's send-link: ChargeAfter's sample cart, by redirectUrl, under this flow's order id. */
  static String body(String merchantOrderId) {
    return """
        {"channel": "e_commerce", "flow": "checkout", "sendUsing": "redirectUrl",
         "consumerDetails": {"firstName": "John", "lastName": "Doe", "email": "john@example.com", "mobilePhoneNumber": "2124445555",
           "shippingAddress": {"line1": "3 My Street", "city": "New York", "zipCode": "10019", "state": "NY"},
           "billingAddress": {"line1": "3 My Street", "city": "New York", "zipCode": "10019", "state": "NY"}},
         "cartDetails": {
           "items": [{"name": "Awesome Product", "price": 1999.0, "sku": "AWSMPRDCT", "quantity": 2,
                      "warranty": {"name": "Awesome Warranty", "price": 100.0, "sku": "AWSMWRNTY"}}],
           "discounts": [{"name": "Birthday discount", "amount": 20}],
           "taxAmount": 199.0, "shippingAmount": 19.0, "totalAmount": 4296.0},
         "currency": "USD", "merchantOrderId": "%s",
         "redirectOnSuccessURL": "https://shop.example/financing/approved",
         "redirectOnFailureURL": "https://shop.example/financing/declined"}
        """
        .formatted(merchantOrderId);
  }
}
