package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.SandboxHttp;
import tools.jackson.databind.node.ObjectNode;

/** The steps of an Afterpay checkout, for tests that need an order, approval or payment. */
final class AfterpayScenario {

  static final String CONFIRM_URL = "https://merchant.example/confirm";
  static final String CANCEL_URL = "https://merchant.example/cancel";
  static final String EMAIL = "joe.consumer@example.com";

  private final SandboxHttp http;

  AfterpayScenario(SandboxHttp http) {
    this.http = http;
  }

  /** The document's sample order (total USD 21.85), fresh for each call so tests may edit it. */
  static ObjectNode order() {
    return (ObjectNode)
        SandboxHttp.JSON.readTree(
            """
{
  "totalAmount": {"amount": "21.85", "currency": "USD"},
  "consumer": {
    "phoneNumber": "2120000000",
    "givenNames": "Joe",
    "surname": "Consumer",
    "email": "%s"
  },
  "billing": {
    "name": "Joe Consumer", "line1": "75 Queen St", "state": "New York",
    "postcode": "10001", "countryCode": "US", "phoneNumber": "2120000000"
  },
  "shipping": {
    "name": "Joe Consumer", "line1": "75 Queen St", "state": "New York",
    "postcode": "10001", "countryCode": "US", "phoneNumber": "2120000000"
  },
  "items": [
    {"name": "widget", "sku": "12341234", "quantity": 1,
     "price": {"amount": "10.00", "currency": "USD"}}
  ],
  "discounts": [
    {"displayName": "10%% Off Subtotal", "amount": {"amount": "1.00", "currency": "USD"}}
  ],
  "merchant": {"redirectConfirmUrl": "%s", "redirectCancelUrl": "%s"},
  "merchantReference": "merchantOrder-1234",
  "taxAmount": {"amount": "2.85", "currency": "USD"},
  "shippingAmount": {"amount": "10.00", "currency": "USD"}
}
"""
                .formatted(EMAIL, CONFIRM_URL, CANCEL_URL));
  }

  static ObjectNode order(String totalAmount) {
    ObjectNode order = order();
    ((ObjectNode) order.get("totalAmount")).put("amount", totalAmount);
    return order;
  }

  SandboxHttp.Answer postOrder(ObjectNode order) {
    return http.afterpay("POST", "/v1/orders").json(order).send();
  }

  String createOrder(ObjectNode order) {
    SandboxHttp.Answer answer = postOrder(order);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.text("/token");
  }

  String createOrder() {
    return createOrder(order());
  }

  /** The shopper's step as a form post; form may be empty. */
  SandboxHttp.Answer shopper(String token, String step, String form) {
    return http.call("POST", "/afterpay/checkout/" + token + "/" + step).form(form).send();
  }

  String approvedOrder(String form) {
    String token = createOrder();
    assertThat(shopper(token, "approve", form).status()).isEqualTo(303);
    return token;
  }

  SandboxHttp.Answer capture(String token) {
    return http.afterpay("POST", "/v1/payments/capture")
        .json("{\"token\":\"" + token + "\"}")
        .send();
  }

  /** An approved, captured order of USD 21.85: its payment id. */
  String capturedPayment() {
    String token = approvedOrder("");
    SandboxHttp.Answer captured = capture(token);
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    return captured.text("/id");
  }

  SandboxHttp.Answer refund(String paymentId, String requestId, String amount) {
    String requestIdField = requestId == null ? "" : "\"requestId\":\"" + requestId + "\",";
    return http.afterpay("POST", "/v1/payments/" + paymentId + "/refund")
        .json(
            "{"
                + requestIdField
                + "\"amount\":{\"amount\":\""
                + amount
                + "\",\"currency\":\"USD\"},\"merchantReference\":\"RF-"
                + amount
                + "\"}")
        .send();
  }
}
