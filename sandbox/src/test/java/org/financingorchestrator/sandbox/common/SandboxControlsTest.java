package org.financingorchestrator.sandbox.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The ledger's filters and POST /sandbox/reset. */
class SandboxControlsTest extends SandboxIntegrationTest {

  private static final String ORDER =
      """
{"totalAmount":{"amount":"5.00","currency":"USD"},
 "consumer":{"givenNames":"Ann","surname":"Lee","email":"ann@example.com"},
 "merchant":{"redirectConfirmUrl":"https://m.example/ok","redirectCancelUrl":"https://m.example/no"}}
""";

  private String order() {
    SandboxHttp.Answer answer = http.afterpay("POST", "/v1/orders").json(ORDER).send();
    assertThat(answer.status()).isEqualTo(201);
    return answer.text("/token");
  }

  @Test
  void ledgerFiltersByProviderAndReference() {
    String first = order();
    String second = order();

    JsonNode all = http.call("GET", "/sandbox/ledger").send().json();
    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("seq").asLong()).isEqualTo(1);
    assertThat(all.get(1).get("seq").asLong()).isEqualTo(2);
    assertThat(all.get(0).get("time").asString()).isEqualTo("2026-03-02T10:00:00Z");
    assertThat(ledger(second)).hasSize(1);
    assertThat(ledger(second).get(0).at("/references/token").asString()).isEqualTo(second);
    assertThat(ledger(first).get(0).at("/references/token").asString()).isEqualTo(first);
    assertThat(http.call("GET", "/sandbox/ledger?provider=affirm").send().json()).isEmpty();
  }

  @Test
  void resetForgetsOrdersAndTheLedger() {
    String token = order();

    assertThat(http.call("POST", "/sandbox/reset").send().status()).isEqualTo(204);

    assertThat(http.call("GET", "/sandbox/ledger").send().json()).isEmpty();
    assertThat(http.afterpay("GET", "/v1/orders/" + token).send().status()).isEqualTo(404);
  }
}
