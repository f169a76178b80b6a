package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One checkout end to end: order, shopper approval, capture, refunds. */
class AfterpayCheckoutFlowTest extends SandboxIntegrationTest {

  private AfterpayScenario afterpay;

  @BeforeEach
  void scenario() {
    afterpay = new AfterpayScenario(http);
  }

  @Test
  void orderApproveCaptureAndRefund() {
    String token = afterpay.createOrder();

    SandboxHttp.Answer page = http.call("GET", "/afterpay/checkout?token=" + token).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
    assertThat(page.body())
        .contains("USD 21.85")
        .contains("merchantOrder-1234")
        .contains("widget")
        .contains("action=\"/afterpay/checkout/" + token + "/approve\"")
        .contains("action=\"/afterpay/checkout/" + token + "/cancel\"")
        .contains("action=\"/afterpay/checkout/" + token + "/decline\"");

    SandboxHttp.Answer approved = afterpay.shopper(token, "approve", "");
    assertThat(approved.status()).isEqualTo(303);
    assertThat(approved.header("Location"))
        .contains(AfterpayScenario.CONFIRM_URL + "?orderToken=" + token + "&status=SUCCESS");

    SandboxHttp.Answer captured = afterpay.capture(token);
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    JsonNode payment = captured.json();
    String paymentId = payment.get("id").asString();
    assertThat(paymentId).matches("[0-9]+");
    assertThat(payment.get("token").asString()).isEqualTo(token);
    assertThat(payment.get("status").asString()).isEqualTo("APPROVED");
    assertThat(payment.get("created").asString()).isEqualTo("2026-03-02T10:00:00Z");
    assertThat(payment.at("/totalAmount/amount").asString()).isEqualTo("21.85");
    assertThat(payment.at("/totalAmount/currency").asString()).isEqualTo("USD");
    assertThat(payment.get("merchantReference").asString()).isEqualTo("merchantOrder-1234");
    assertThat(payment.get("refunds")).isEmpty();
    assertThat(payment.at("/orderDetails/consumer/givenNames").asString()).isEqualTo("Joe");
    assertThat(payment.at("/orderDetails/courier").isObject()).isTrue();
    assertThat(payment.at("/orderDetails/courier")).isEmpty();
    assertThat(payment.at("/orderDetails/taxAmount/amount").asString()).isEqualTo("2.85");
    assertThat(payment.get("events")).hasSize(1);
    assertThat(payment.at("/events/0/type").asString()).isEqualTo("CAPTURE");
    assertThat(payment.at("/events/0/created").asString()).isEqualTo("2026-03-02T10:00:00Z");

    SandboxHttp.Answer first = afterpay.refund(paymentId, "req-1", "10.00");
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.text("/requestId")).isEqualTo("req-1");
    assertThat(first.text("/amount/amount")).isEqualTo("10.00");
    assertThat(first.text("/amount/currency")).isEqualTo("USD");
    assertThat(first.text("/merchantReference")).isEqualTo("RF-10.00");
    assertThat(first.text("/refundId")).matches("[0-9]+");
    assertThat(first.text("/refundedAt")).isEqualTo("2026-03-02T10:00:00Z");

    SandboxHttp.Answer second = afterpay.refund(paymentId, "req-2", "5.00");
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.text("/refundId")).isNotEqualTo(first.text("/refundId"));

    // 10.00 + 5.00 + 7.00 = 22.00 > 21.85
    assertAfterpayError(afterpay.refund(paymentId, "req-3", "7.00"), 422, "invalid_amount");

    SandboxHttp.Answer replay = afterpay.refund(paymentId, "req-1", "10.00");
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(first.json());
    // Same requestId, different body: still the first answer, still one refund.
    assertThat(afterpay.refund(paymentId, "req-1", "1.00").json()).isEqualTo(first.json());

    JsonNode refunded = http.afterpay("GET", "/v1/payments/" + paymentId).send().json();
    assertThat(refunded.get("refunds")).hasSize(2);
    assertThat(refunded.at("/refunds/0/id").asString()).isEqualTo(first.text("/refundId"));
    assertThat(refunded.at("/refunds/0/amount/amount").asString()).isEqualTo("10.00");
    assertThat(refunded.at("/refunds/0/merchantReference").asString()).isEqualTo("RF-10.00");
    assertThat(refunded.at("/refunds/1/amount/amount").asString()).isEqualTo("5.00");

    // The rest, exactly: 21.85 - 15.00.
    assertThat(afterpay.refund(paymentId, "req-4", "6.85").status()).isEqualTo(201);
    assertAfterpayError(afterpay.refund(paymentId, "req-5", "0.01"), 422, "invalid_amount");

    assertThat(types(ledger(token)))
        .containsExactly(
            "ORDER_CREATED",
            "SHOPPER_APPROVED",
            "PAYMENT_CAPTURED",
            "REFUND_CREATED",
            "REFUND_CREATED",
            "REFUND_CREATED");
    JsonNode refundEntry = ledger("req-1").get(0);
    assertThat(refundEntry.get("type").asString()).isEqualTo("REFUND_CREATED");
    assertThat(refundEntry.at("/references/paymentId").asString()).isEqualTo(paymentId);
    assertThat(refundEntry.at("/references/refundId").asString())
        .isEqualTo(first.text("/refundId"));
    assertThat(refundEntry.get("amount").asString()).isEqualTo("10.00");
    assertThat(refundEntry.get("requestId").asString()).isEqualTo("req-1");
  }

  @Test
  void refundsWithoutRequestIdAreNotIdempotent() {
    String paymentId = afterpay.capturedPayment();

    SandboxHttp.Answer one = afterpay.refund(paymentId, null, "1.00");
    SandboxHttp.Answer two = afterpay.refund(paymentId, null, "1.00");

    assertThat(one.status()).isEqualTo(201);
    assertThat(one.json().has("requestId")).isFalse();
    assertThat(two.text("/refundId")).isNotEqualTo(one.text("/refundId"));
  }

  @Test
  void aRequestIdAnswersTheSameOnlyWithinTheRetentionWindow() {
    String paymentId = afterpay.capturedPayment();
    SandboxHttp.Answer first = afterpay.refund(paymentId, "req-window", "1.00");

    clock.advance(java.time.Duration.ofHours(24).minusSeconds(1));
    assertThat(afterpay.refund(paymentId, "req-window", "1.00").json()).isEqualTo(first.json());

    clock.advance(java.time.Duration.ofSeconds(1));
    SandboxHttp.Answer later = afterpay.refund(paymentId, "req-window", "1.00");
    assertThat(later.status()).isEqualTo(201);
    assertThat(later.text("/refundId")).isNotEqualTo(first.text("/refundId"));
  }

  @Test
  void refundChecksItsBodyAndThePayment() {
    String paymentId = afterpay.capturedPayment();

    SandboxHttp.Answer negative = afterpay.refund(paymentId, "req-neg", "-5.00");
    assertAfterpayError(negative, 422, "invalid_object");
    assertThat(negative.text("/message"))
        .isEqualTo("[amount must be greater than 0.00 (was USD -5.00)]");
    SandboxHttp.Answer noAmount =
        http.afterpay("POST", "/v1/payments/" + paymentId + "/refund")
            .json("{\"requestId\":\"req-none\"}")
            .send();
    assertAfterpayError(noAmount, 422, "invalid_object");
    assertThat(noAmount.text("/message")).isEqualTo("[amount is required]");

    assertAfterpayError(
        afterpay.refund("99999999999", "req-x", "1.00"), 412, "precondition_failed");
    // A refused request is not remembered: the same requestId can still succeed.
    assertThat(afterpay.refund(paymentId, "req-neg", "5.00").status()).isEqualTo(201);
  }

  private static List<String> types(JsonNode ledger) {
    return StreamSupport.stream(ledger.spliterator(), false)
        .map(e -> e.get("type").asString())
        .toList();
  }
}
