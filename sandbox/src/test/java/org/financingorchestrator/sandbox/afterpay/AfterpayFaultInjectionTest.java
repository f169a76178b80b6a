package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /sandbox/faults against Afterpay operations: errors, lost answers, delays and conflicts. */
class AfterpayFaultInjectionTest extends SandboxIntegrationTest {

  private AfterpayScenario afterpay;

  @BeforeEach
  void scenario() {
    afterpay = new AfterpayScenario(http);
  }

  private SandboxHttp.Answer arm(String json) {
    return http.call("POST", "/sandbox/faults").json(json).send();
  }

  @Test
  void answersTheInjectedErrorForTheNextCountCalls() {
    String token = afterpay.approvedOrder("");
    assertThat(
            arm("""
                {"provider":"afterpay","operation":"capture","status":503,
                 "errorCode":"server_error","count":2,"retryAfterSeconds":7}
                """)
                .status())
        .isEqualTo(201);

    for (int i = 0; i < 2; i++) {
      SandboxHttp.Answer failed = afterpay.capture(token);
      assertAfterpayError(failed, 503, "server_error");
      assertThat(failed.header("Retry-After")).contains("7");
    }
    assertThat(afterpay.capture(token).status()).isEqualTo(201);
    assertThat(ledger(token).valueStream().map(e -> e.get("type").asString()))
        .containsExactly("ORDER_CREATED", "SHOPPER_APPROVED", "PAYMENT_CAPTURED");
  }

  @Test
  void anErrorAfterTheEffectStandsForALostAnswer() {
    String token = afterpay.approvedOrder("");
    arm(
        "{\"provider\":\"afterpay\",\"operation\":\"capture\",\"status\":503,\"afterEffect\":true}");

    SandboxHttp.Answer lost = afterpay.capture(token);

    assertAfterpayError(lost, 503, "server_error");
    assertThat(lost.header("Retry-After")).isEmpty();
    SandboxHttp.Answer found = http.afterpay("GET", "/v1/payments/token:" + token).send();
    assertThat(found.status()).isEqualTo(200);
    SandboxHttp.Answer retried = afterpay.capture(token);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.text("/id")).isEqualTo(found.text("/id"));
    assertThat(ledger(token)).hasSize(3);
  }

  @Test
  void aRefundThenAnOutageAnswers503ToEverythingUntilItIsOverThenTheSameRequestIdAnswersTheRefund() {
    String paymentId = afterpay.capturedPayment();
    arm(
        """
        {"provider":"afterpay","operation":"refund","status":503,"errorCode":"server_error","afterEffect":true,"downForSeconds":20}
        """);

    assertAfterpayError(afterpay.refund(paymentId, "req-down", "5.00"), 503, "server_error");
    clock.advance(Duration.ofSeconds(10));
    assertAfterpayError(afterpay.refund(paymentId, "req-down", "5.00"), 503, "server_error");
    assertAfterpayError(http.afterpay("GET", "/v1/payments/" + paymentId).send(), 503, "server_error");
    clock.advance(Duration.ofSeconds(10));

    SandboxHttp.Answer retried = afterpay.refund(paymentId, "req-down", "5.00");
    assertThat(retried.status()).isEqualTo(201);
    assertThat(ledger("req-down")).hasSize(1);
  }

  @Test
  void aMalformedAnswerIsASuccessWhoseBodyDoesNotParseAndTheEffectStillHappens() {
    String token = afterpay.approvedOrder("");
    arm("{\"provider\":\"afterpay\",\"operation\":\"capture\",\"afterEffect\":true,\"malformedAnswer\":true}");

    SandboxHttp.Answer garbled = afterpay.capture(token);

    assertThat(garbled.status()).isEqualTo(201);
    assertThat(garbled.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThatThrownBy(garbled::json).isInstanceOf(RuntimeException.class);
    assertThat(ledger(token).valueStream().map(e -> e.get("type").asString())).contains("PAYMENT_CAPTURED");
  }

  @Test
  void aLostRefundAnswerIsRecoveredByItsRequestId() {
    String paymentId = afterpay.capturedPayment();
    arm("{\"provider\":\"afterpay\",\"operation\":\"refund\",\"status\":500,\"afterEffect\":true}");

    assertAfterpayError(afterpay.refund(paymentId, "req-lost", "5.00"), 500, "server_error");
    SandboxHttp.Answer retried = afterpay.refund(paymentId, "req-lost", "5.00");

    assertThat(retried.status()).isEqualTo(201);
    assertThat(ledger("req-lost")).hasSize(1);
    assertThat(ledger("req-lost").get(0).at("/references/refundId").asString())
        .isEqualTo(retried.text("/refundId"));
  }

  @Test
  void faultsMatchTheirOperationOnly() {
    arm(
        "{\"provider\":\"afterpay\",\"operation\":\"createOrder\",\"status\":429,\"errorCode\":\"too_many_requests\",\"retryAfterSeconds\":2}");

    assertThat(http.afterpay("GET", "/v1/configuration").send().status()).isEqualTo(200);
    SandboxHttp.Answer limited = afterpay.postOrder(AfterpayScenario.order());
    assertAfterpayError(limited, 429, "too_many_requests");
    assertThat(limited.header("Retry-After")).contains("2");
    assertThat(afterpay.postOrder(AfterpayScenario.order()).status()).isEqualTo(201);
    assertThat(ledger(null)).hasSize(1);
  }

  @Test
  void aDelayHoldsTheAnswerInTheServer() {
    String token = afterpay.approvedOrder("");
    arm("{\"provider\":\"afterpay\",\"operation\":\"getOrder\",\"delayMillis\":2000}");

    assertThatThrownBy(
            () ->
                http.afterpay("GET", "/v1/orders/" + token).timeout(Duration.ofMillis(300)).send())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);
    // Used up: the next call answers at once.
    assertThat(
            http.afterpay("GET", "/v1/orders/" + token)
                .timeout(Duration.ofSeconds(1))
                .send()
                .status())
        .isEqualTo(200);
  }

  @Test
  void aDelayedErrorAfterTheEffectStillHappensOnce() {
    String paymentId = afterpay.capturedPayment();
    arm(
        "{\"provider\":\"afterpay\",\"operation\":\"courier\",\"status\":502,"
            + "\"afterEffect\":true,\"delayMillis\":50}");

    assertAfterpayError(
        http.afterpay("PUT", "/v1/payments/" + paymentId + "/courier")
            .json("{\"priority\":\"STANDARD\"}")
            .send(),
        502,
        "server_error");
    assertThat(
            http.afterpay("GET", "/v1/payments/" + paymentId)
                .send()
                .json()
                .at("/orderDetails/courier/priority")
                .asString())
        .isEqualTo("STANDARD");
  }

  @Test
  void aRequestIdInProgressAnswersConflict() {
    String paymentId = afterpay.capturedPayment();
    arm("{\"provider\":\"afterpay\",\"operation\":\"refund\",\"delayMillis\":3000}");

    CompletableFuture<SandboxHttp.Answer> first =
        http.afterpay("POST", "/v1/payments/" + paymentId + "/refund")
            .json(
                "{\"requestId\":\"req-busy\",\"amount\":{\"amount\":\"2.00\",\"currency\":\"USD\"}}")
            .sendAsync();
    awaitNoArmedFaults();

    SandboxHttp.Answer concurrent = afterpay.refund(paymentId, "req-busy", "2.00");

    assertAfterpayError(concurrent, 409, "conflict");
    SandboxHttp.Answer firstAnswer = first.join();
    assertThat(firstAnswer.status()).isEqualTo(201);
    assertThat(afterpay.refund(paymentId, "req-busy", "2.00").json()).isEqualTo(firstAnswer.json());
    assertThat(ledger("req-busy")).hasSize(1);
  }

  @Test
  void clearedFaultsNoLongerFire() {
    arm("{\"provider\":\"afterpay\",\"operation\":\"configuration\",\"status\":503,\"count\":5}");
    assertThat(http.call("GET", "/sandbox/faults").send().json().at("/0/remaining").asInt())
        .isEqualTo(5);

    assertThat(http.call("DELETE", "/sandbox/faults").send().status()).isEqualTo(204);

    assertThat(http.call("GET", "/sandbox/faults").send().json()).isEmpty();
    assertThat(http.afterpay("GET", "/v1/configuration").send().status()).isEqualTo(200);
  }

  @Test
  void resetClearsFaultsToo() {
    arm("{\"provider\":\"afterpay\",\"operation\":\"configuration\",\"status\":503}");

    http.call("POST", "/sandbox/reset").send();

    assertThat(http.afterpay("GET", "/v1/configuration").send().status()).isEqualTo(200);
  }

  @Test
  void refusesFaultsItCannotApply() {
    SandboxHttp.Answer unknownProvider =
        arm("{\"provider\":\"klarna\",\"operation\":\"capture\",\"status\":503}");
    assertThat(unknownProvider.status()).isEqualTo(400);
    assertThat(unknownProvider.header("Content-Type")).contains("application/problem+json");
    // Every simulated provider is listed; afterpay among them.
    assertThat(unknownProvider.text("/detail")).contains("provider must be one of [").contains("afterpay");

    assertThat(
            arm("{\"provider\":\"afterpay\",\"operation\":\"teleport\",\"status\":503}")
                .text("/detail"))
        .contains("operation must be one of");
    assertThat(
            arm("{\"provider\":\"afterpay\",\"operation\":\"capture\",\"status\":200}")
                .text("/detail"))
        .contains("status must be between 400 and 599 (was 200)");
    assertThat(arm("{\"provider\":\"afterpay\",\"operation\":\"capture\"}").text("/detail"))
        .contains("status is required unless delayMillis, downForSeconds or malformedAnswer is given");
    assertThat(
            arm("{\"provider\":\"afterpay\",\"operation\":\"capture\",\"status\":503,\"count\":0}")
                .text("/detail"))
        .contains("count must be between 1");
    assertThat(arm("not json").status()).isEqualTo(400);
    assertThat(http.call("GET", "/sandbox/faults").send().json()).isEmpty();
  }

  /** The first request has claimed the fault, so it holds its requestId while it waits. */
  private void awaitNoArmedFaults() {
    Instant deadline = Instant.now().plusSeconds(2);
    while (!http.call("GET", "/sandbox/faults").send().json().isEmpty()) {
      assertThat(Instant.now()).as("the first refund never started").isBefore(deadline);
      Thread.onSpinWait();
    }
  }
}
