package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.financingorchestrator.sandbox.SandboxApplication;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.TestClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * sandbox.latency (ProviderCallLatency), through Afterpay's calls: every merchant call takes that long and is listed as in flight meanwhile, by
 * the Host its caller named (a crash test kills the worker that is calling); a shopper's page is
 * not slowed; a dropped answer still leaves as a drop.
 */
@SpringBootTest(
    classes = {SandboxApplication.class, TestClockConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=sandbox",
      "sandbox.controls.enabled=true",
      "management.server.port=0",
      "sandbox.latency=1500ms"
    })
class AfterpayCallLatencyTest {

  @LocalServerPort int port;
  SandboxHttp http;

  @BeforeEach
  void reset() {
    http = new SandboxHttp(port);
    assertThat(http.call("POST", "/sandbox/reset").send().status()).isEqualTo(204);
  }

  @Test
  void aMerchantCallIsInFlightByItsCallersHostUntilItsLatencyHasPassed() {
    CompletableFuture<SandboxHttp.Answer> configuration = http.afterpay("GET", "/v1/configuration").sendAsync();

    Awaitility.await("the call listed in flight")
        .atMost(Duration.ofSeconds(10))
        .until(() -> inFlight().size() == 1);
    JsonNode call = inFlight().get(0);
    assertThat(call.path("host").asString()).isEqualTo("localhost:" + port);
    assertThat(call.path("method").asString()).isEqualTo("GET");
    assertThat(call.path("path").asString()).isEqualTo("/afterpay/v1/configuration");
    assertThat(configuration).isNotDone();

    assertThat(configuration.join().status()).isEqualTo(200);
    assertThat(inFlight()).isEmpty();
  }

  @Test
  void aDroppedAnswerStaysDroppedAndAShoppersPageIsNotHeldBack() {
    AfterpayScenario afterpay = new AfterpayScenario(http);
    String token = afterpay.approvedOrder("");
    http.call("POST", "/sandbox/faults")
        .json("{\"provider\":\"afterpay\",\"operation\":\"capture\",\"afterEffect\":true,\"answer\":\"dropped\"}")
        .send();

    assertThatThrownBy(() -> afterpay.capture(token)).isInstanceOf(UncheckedIOException.class);
    // The shopper's checkout page carries no credentials: answered at once, never listed.
    CompletableFuture<SandboxHttp.Answer> page = http.call("GET", "/afterpay/checkout?token=" + token).sendAsync();
    assertThat(inFlight()).isEmpty();
    assertThat(page.join().status()).isEqualTo(200);
  }

  @Test
  void everyOperationAFaultCanTargetIsListedByProvider() {
    JsonNode operations = http.call("GET", "/sandbox/faults/operations").send().json();
    assertThat(operations.propertyNames()).contains("afterpay", "affirm", "chargeafter", "flexiti");
    assertThat(operations.path("afterpay").valueStream().map(JsonNode::asString))
        .containsExactly("capture", "configuration", "courier", "createOrder", "getOrder", "getPayment", "listPayments", "refund");
  }

  private java.util.List<JsonNode> inFlight() {
    return http.call("GET", "/sandbox/in-flight").send().json().valueStream().toList();
  }
}
