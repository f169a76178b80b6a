package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Capture: once per token, only after the shopper's approval, with scripted outcomes. */
class AfterpayCaptureTest extends SandboxIntegrationTest {

  private AfterpayScenario afterpay;

  @BeforeEach
  void scenario() {
    afterpay = new AfterpayScenario(http);
  }

  @Test
  void captureIsIdempotentByToken() {
    String token = afterpay.approvedOrder("");

    SandboxHttp.Answer first =
        http.afterpay("POST", "/v1/payments/capture")
            .json("{\"token\":\"" + token + "\",\"merchantReference\":\"order-2\"}")
            .send();
    SandboxHttp.Answer second =
        http.afterpay("POST", "/v1/payments/capture")
            .json("{\"token\":\"" + token + "\",\"merchantReference\":\"order-3\"}")
            .send();

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.text("/merchantReference")).isEqualTo("order-2");
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(
            ledger(token)
                .valueStream()
                .filter(e -> e.get("type").asString().equals("PAYMENT_CAPTURED"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void captureWithoutTheShoppersApprovalIsAnInvalidToken() {
    String token = afterpay.createOrder();

    assertAfterpayError(afterpay.capture(token), 402, "invalid_token");
    assertAfterpayError(afterpay.capture("unknowntoken"), 402, "invalid_token");
    assertThat(ledger(token)).hasSize(1);
  }

  @Test
  void captureAfterTheShopperCancelledOrDeclinedIsAnInvalidToken() {
    String cancelled = afterpay.createOrder();
    afterpay.shopper(cancelled, "cancel", "");
    String declined = afterpay.createOrder();
    afterpay.shopper(declined, "decline", "");

    assertAfterpayError(afterpay.capture(cancelled), 402, "invalid_token");
    assertAfterpayError(afterpay.capture(declined), 402, "invalid_token");
  }

  @Test
  void captureNeedsAToken() {
    SandboxHttp.Answer answer = http.afterpay("POST", "/v1/payments/capture").json("{}").send();

    assertAfterpayError(answer, 422, "invalid_object");
    assertThat(answer.text("/message")).isEqualTo("[token is required]");
  }

  @Test
  void aScriptedDeclineIsRecordedOnceAndAnsweredAgain() {
    String token = afterpay.approvedOrder("captureOutcome=DECLINED");

    assertAfterpayError(afterpay.capture(token), 402, "declined");
    assertAfterpayError(afterpay.capture(token), 402, "declined");

    JsonNode ledger = ledger(token);
    assertThat(ledger.valueStream().map(e -> e.get("type").asString()))
        .containsExactly("ORDER_CREATED", "SHOPPER_APPROVED", "PAYMENT_DECLINED");
    JsonNode payment = http.afterpay("GET", "/v1/payments/token:" + token).send().json();
    assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
    assertThat(payment.get("events")).isEmpty();
    assertAfterpayError(
        afterpay.refund(payment.get("id").asString(), "req-d", "1.00"), 412, "precondition_failed");
  }

  @Test
  void aCapturedAmountOverrideStandsForACartChangedAtAfterpay() {
    String token = afterpay.approvedOrder("capturedAmount=15.50");

    SandboxHttp.Answer captured = afterpay.capture(token);

    assertThat(captured.status()).isEqualTo(201);
    assertThat(captured.text("/totalAmount/amount")).isEqualTo("15.50");
    assertThat(ledger(token).get(2).get("amount").asString()).isEqualTo("15.50");
    String paymentId = captured.text("/id");
    assertAfterpayError(afterpay.refund(paymentId, "req-o", "15.51"), 422, "invalid_amount");
    assertThat(afterpay.refund(paymentId, "req-p", "15.50").status()).isEqualTo(201);
  }

  @Test
  void scriptedOutcomesAreChecked() {
    String token = afterpay.createOrder();

    SandboxHttp.Answer badOutcome = afterpay.shopper(token, "approve", "captureOutcome=MAYBE");
    assertAfterpayError(badOutcome, 400, "bad_request");
    assertThat(badOutcome.text("/message")).contains("captureOutcome must be APPROVED or DECLINED");
    SandboxHttp.Answer badAmount = afterpay.shopper(token, "approve", "capturedAmount=1.234");
    assertAfterpayError(badAmount, 400, "bad_request");
    assertThat(badAmount.text("/message")).contains("capturedAmount");
    // Neither refused call took the shopper's step.
    assertThat(ledger(token)).hasSize(1);
  }
}
