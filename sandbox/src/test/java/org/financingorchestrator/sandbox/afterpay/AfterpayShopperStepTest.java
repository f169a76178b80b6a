package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The shopper's step: redirects, idempotency and token expiry. */
class AfterpayShopperStepTest extends SandboxIntegrationTest {

  private AfterpayScenario afterpay;

  @BeforeEach
  void scenario() {
    afterpay = new AfterpayScenario(http);
  }

  @Test
  void cancelReturnsToTheCancelUrlKeepingItsQuery() {
    ObjectNode order = AfterpayScenario.order();
    ((ObjectNode) order.get("merchant"))
        .put("redirectCancelUrl", "https://merchant.example/cancel?cart=7#top");
    String token = afterpay.createOrder(order);

    SandboxHttp.Answer cancelled = afterpay.shopper(token, "cancel", "");

    assertThat(cancelled.status()).isEqualTo(303);
    assertThat(cancelled.header("Location"))
        .contains(
            "https://merchant.example/cancel?cart=7&orderToken=" + token + "&status=CANCELLED#top");
  }

  @Test
  void declineReturnsToTheCancelUrlWithFailure() {
    String token = afterpay.createOrder();

    assertThat(afterpay.shopper(token, "decline", "").header("Location"))
        .contains(AfterpayScenario.CANCEL_URL + "?orderToken=" + token + "&status=FAILURE");
    assertThat(ledger(token).get(1).get("type").asString()).isEqualTo("SHOPPER_DECLINED");
  }

  @Test
  void theFirstStepCountsAndRepeatsAnswerItsRedirect() {
    String token = afterpay.createOrder();
    String cancelLocation = afterpay.shopper(token, "cancel", "").header("Location").orElseThrow();

    assertThat(afterpay.shopper(token, "cancel", "").header("Location")).contains(cancelLocation);
    assertThat(afterpay.shopper(token, "approve", "").header("Location")).contains(cancelLocation);
    assertThat(ledger(token).valueStream().map(e -> e.get("type").asString()))
        .containsExactly("ORDER_CREATED", "SHOPPER_CANCELLED");

    SandboxHttp.Answer page = http.call("GET", "/afterpay/checkout?token=" + token).send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("already CANCELLED").doesNotContain("<form");
  }

  @Test
  void unknownTokensAreNotFound() {
    assertAfterpayError(afterpay.shopper("nosuchtoken", "approve", ""), 404, "not_found");
    SandboxHttp.Answer page = http.call("GET", "/afterpay/checkout?token=nosuchtoken").send();
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
    assertThat(http.call("GET", "/afterpay/checkout").send().status()).isEqualTo(400);
  }

  @Test
  void theTokenExpiresAfterTheConfiguredTtl() {
    String early = afterpay.createOrder();
    String late = afterpay.createOrder();

    clock.advance(Duration.ofHours(3).minusSeconds(1));
    assertThat(afterpay.shopper(early, "approve", "").status()).isEqualTo(303);

    clock.advance(Duration.ofSeconds(1));
    assertAfterpayError(afterpay.shopper(late, "approve", ""), 410, "invalid_token");
    assertThat(http.call("GET", "/afterpay/checkout?token=" + late).send().status()).isEqualTo(410);
    // Approved in time but captured too late.
    assertAfterpayError(afterpay.capture(early), 402, "invalid_token");
    // The step itself stays answerable.
    assertThat(afterpay.shopper(early, "approve", "").status()).isEqualTo(303);
    assertThat(ledger(late)).hasSize(1);
  }

  @Test
  void aCaptureBeforeExpiryStaysRetrievableAfterIt() {
    String token = afterpay.approvedOrder("");
    SandboxHttp.Answer captured = afterpay.capture(token);

    clock.advance(Duration.ofHours(4));

    assertThat(afterpay.capture(token).json()).isEqualTo(captured.json());
  }
}
