package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.MutableClock;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Create Order's validation and answer, and Get Order. */
class AfterpayOrderTest extends SandboxIntegrationTest {

  private AfterpayScenario afterpay;

  @BeforeEach
  void scenario() {
    afterpay = new AfterpayScenario(http);
  }

  private String invalidMessage(ObjectNode order) {
    SandboxHttp.Answer answer = afterpay.postOrder(order);
    assertAfterpayError(answer, 422, "invalid_object");
    return answer.text("/message");
  }

  @Test
  void refusesANegativeTotalWithTheDocumentsMessage() {
    assertThat(invalidMessage(AfterpayScenario.order("-250.15")))
        .isEqualTo("[totalAmount must be greater than 0.00 (was USD -250.15)]");
    assertThat(invalidMessage(AfterpayScenario.order("0.00")))
        .isEqualTo("[totalAmount must be greater than 0.00 (was USD 0.00)]");
  }

  @Test
  void namesEachMissingRequiredField() {
    ObjectNode order = AfterpayScenario.order();
    order.remove("totalAmount");
    ((ObjectNode) order.get("consumer")).remove("email");
    ((ObjectNode) order.get("consumer")).put("surname", " ");
    ((ObjectNode) order.get("merchant")).remove("redirectCancelUrl");

    assertThat(invalidMessage(order))
        .isEqualTo(
            "[totalAmount is required, consumer.surname must not be blank,"
                + " consumer.email is required, merchant.redirectCancelUrl is required]");
  }

  @Test
  void requiresConsumerAndMerchant() {
    ObjectNode order = AfterpayScenario.order();
    order.remove("consumer");
    order.remove("merchant");

    assertThat(invalidMessage(order)).isEqualTo("[consumer is required, merchant is required]");
  }

  @Test
  void checksMoneyStringsAndCurrency() {
    ObjectNode order = AfterpayScenario.order();
    ((ObjectNode) order.get("totalAmount")).put("amount", 21.85);
    ((ObjectNode) order.get("taxAmount")).put("amount", "2.855");
    ((ObjectNode) order.get("shippingAmount")).put("currency", "AUD");
    ((ObjectNode) order.get("items").get(0).get("price")).put("amount", "-1.00");

    assertThat(invalidMessage(order))
        .contains("totalAmount.amount must be a string")
        .contains("items[0].price must be greater than or equal to 0.00 (was USD -1.00)")
        .contains(
            "taxAmount.amount must be a decimal number with at most 2 decimal places (was 2.855)")
        .contains("shippingAmount.currency must be USD (was AUD)");
  }

  @Test
  void checksItemsContactsAndUrls() {
    ObjectNode order = AfterpayScenario.order();
    ObjectNode item = (ObjectNode) order.get("items").get(0);
    item.remove("name");
    item.put("quantity", "one");
    ((ObjectNode) order.get("billing")).put("name", "x".repeat(256));
    ((ObjectNode) order.get("billing")).put("countryCode", "USA");
    ((ObjectNode) order.get("shipping")).remove("postcode");
    ((ObjectNode) order.get("merchant")).put("redirectConfirmUrl", "/relative/confirm");
    order.putObject("courier").put("priority", "OVERNIGHT");
    order.put("paymentType", "PAY_LATER");

    assertThat(invalidMessage(order))
        .contains("items[0].name is required")
        .contains("items[0].quantity must be a whole number")
        .contains("billing.name must be at most 255 characters long")
        .contains("billing.countryCode must be a two-character ISO 3166-1 country code")
        .contains("shipping.postcode is required")
        .contains("merchant.redirectConfirmUrl must be an absolute http or https URL")
        .contains("courier.priority must be STANDARD or EXPRESS")
        .contains("paymentType must be PAY_BY_INSTALLMENT")
        // Personal data is never echoed back.
        .doesNotContain("xxxxx");
  }

  @Test
  void refusesTotalsOutsideTheConfiguredRangeInclusive() {
    assertThat(invalidMessage(AfterpayScenario.order("2000.01")))
        .isEqualTo("[totalAmount must be between USD 1.00 and USD 2000.00 (was USD 2000.01)]");
    assertThat(invalidMessage(AfterpayScenario.order("0.99")))
        .isEqualTo("[totalAmount must be between USD 1.00 and USD 2000.00 (was USD 0.99)]");
    assertThat(afterpay.postOrder(AfterpayScenario.order("2000.00")).status()).isEqualTo(201);
    assertThat(afterpay.postOrder(AfterpayScenario.order("1")).status()).isEqualTo(201);
  }

  @Test
  void createsAnOrderWithATokenThatExpiresAfterTheConfiguredTtl() {
    SandboxHttp.Answer answer = afterpay.postOrder(AfterpayScenario.order());

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.text("/token")).matches("[a-z0-9]{52}");
    assertThat(answer.text("/expires")).isEqualTo("2026-03-02T13:00:00Z");
    assertThat(MutableClock.START.toString()).isEqualTo("2026-03-02T10:00:00Z");
  }

  @Test
  void getOrderAnswersWhatWasSent() {
    String token = afterpay.createOrder();

    SandboxHttp.Answer answer = http.afterpay("GET", "/v1/orders/" + token).send();

    assertThat(answer.status()).isEqualTo(200);
    JsonNode order = answer.json();
    assertThat(order.get("token").asString()).isEqualTo(token);
    assertThat(order.get("expires").asString()).isEqualTo("2026-03-02T13:00:00Z");
    assertThat(order.at("/totalAmount/amount").asString()).isEqualTo("21.85");
    assertThat(order.at("/consumer/email").asString()).isEqualTo(AfterpayScenario.EMAIL);
    assertThat(order.at("/items/0/quantity").asInt()).isEqualTo(1);
    assertThat(order.at("/items/0/price/amount").asString()).isEqualTo("10.00");
    assertThat(order.at("/merchant/redirectConfirmUrl").asString())
        .isEqualTo(AfterpayScenario.CONFIRM_URL);
    assertThat(order.get("paymentType").asString()).isEqualTo("PAY_BY_INSTALLMENT");
    assertThat(order.get("merchantReference").asString()).isEqualTo("merchantOrder-1234");
    // Not sent, so not answered.
    assertThat(order.has("courier")).isFalse();
    assertThat(order.has("description")).isFalse();
  }

  @Test
  void getOrderOfAnUnknownTokenIsNotFound() {
    assertAfterpayError(http.afterpay("GET", "/v1/orders/nosuchtoken").send(), 404, "not_found");
  }

  @Test
  void ledgerRecordsTheOrderWithoutPersonalData() {
    String token = afterpay.createOrder();

    JsonNode ledger = ledger(token);
    assertThat(ledger).hasSize(1);
    assertThat(ledger.get(0).get("type").asString()).isEqualTo("ORDER_CREATED");
    assertThat(ledger.get(0).get("provider").asString()).isEqualTo("afterpay");
    assertThat(ledger.get(0).at("/references/token").asString()).isEqualTo(token);
    assertThat(ledger.get(0).get("amount").asString()).isEqualTo("21.85");
    assertThat(ledger.get(0).get("currency").asString()).isEqualTo("USD");
    assertThat(ledger.toString())
        .doesNotContain(AfterpayScenario.EMAIL)
        .doesNotContain("Consumer")
        .doesNotContain("Queen St")
        .doesNotContain("2120000000");
  }
}
