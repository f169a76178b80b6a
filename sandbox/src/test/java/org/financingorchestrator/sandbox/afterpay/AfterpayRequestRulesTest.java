package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.Test;

/** Authentication and the header rules every /v1 call must meet. */
class AfterpayRequestRulesTest extends SandboxIntegrationTest {

  @Test
  void pingNeedsNoCredentials() {
    assertThat(http.call("GET", "/afterpay/ping").send().status()).isEqualTo(200);
  }

  @Test
  void refusesMissingCredentials() {
    SandboxHttp.Answer answer =
        http.afterpay("GET", "/v1/configuration").header("Authorization", null).send();

    assertAfterpayError(answer, 401, "unauthorized");
    assertThat(answer.header("WWW-Authenticate")).contains("Basic realm=\"Afterpay\"");
  }

  @Test
  void refusesWrongSecretKey() {
    SandboxHttp.Answer answer =
        http.afterpay("POST", "/v1/orders")
            .header("Authorization", SandboxHttp.basic("100101", "not-the-secret"))
            .json(AfterpayScenario.order())
            .send();

    assertAfterpayError(answer, 401, "unauthorized");
    assertThat(answer.body()).doesNotContain("not-the-secret");
    assertThat(http.call("GET", "/sandbox/ledger").send().json()).isEmpty();
  }

  @Test
  void refusesWrongMerchantIdAndOtherSchemes() {
    assertAfterpayError(
        http.afterpay("GET", "/v1/configuration")
            .header("Authorization", SandboxHttp.basic("32", "sandbox-secret-key"))
            .send(),
        401,
        "unauthorized");
    assertAfterpayError(
        http.afterpay("GET", "/v1/configuration")
            .header("Authorization", "Bearer sandbox-secret-key")
            .send(),
        401,
        "unauthorized");
  }

  @Test
  void acceptMustAllowJson() {
    assertAfterpayError(
        http.afterpay("GET", "/v1/configuration").header("Accept", "text/html").send(),
        406,
        "not_acceptable");
    assertThat(http.afterpay("GET", "/v1/configuration").header("Accept", "*/*").send().status())
        .isEqualTo(200);
    assertThat(http.afterpay("GET", "/v1/configuration").header("Accept", null).send().status())
        .isEqualTo(200);
  }

  @Test
  void postAndPutMustSendJson() {
    assertAfterpayError(
        http.afterpay("POST", "/v1/orders")
            .body("token=abc")
            .header("Content-Type", "text/plain")
            .send(),
        415,
        "unsupported_media_type");
    assertAfterpayError(
        http.afterpay("PUT", "/v1/payments/1/courier").body("{}").send(),
        415,
        "unsupported_media_type");
  }

  @Test
  void malformedJsonIsBadRequest() {
    SandboxHttp.Answer answer =
        http.afterpay("POST", "/v1/orders")
            .json("{\"totalAmount\": {\"amount\": \"1.00\",}")
            .send();

    assertAfterpayError(answer, 400, "bad_request");
    assertAfterpayError(
        http.afterpay("POST", "/v1/payments/capture").json("[]").send(), 400, "bad_request");
    assertAfterpayError(
        http.afterpay("POST", "/v1/payments/capture").json("").send(), 400, "bad_request");
  }

  @Test
  void unknownPathsAndMethodsAnswerInAfterpaysFormat() {
    assertAfterpayError(http.afterpay("GET", "/v1/nothing-here").send(), 404, "not_found");
    SandboxHttp.Answer wrongMethod = http.afterpay("DELETE", "/v1/orders").send();
    assertAfterpayError(wrongMethod, 405, "method_not_allowed");
    assertThat(wrongMethod.header("Allow")).hasValueSatisfying(a -> assertThat(a).contains("POST"));
  }

  @Test
  void sandboxControlsAnswerProblemJson() {
    SandboxHttp.Answer answer = http.call("GET", "/sandbox/nothing-here").send();

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Content-Type")).contains("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(404);
  }
}
