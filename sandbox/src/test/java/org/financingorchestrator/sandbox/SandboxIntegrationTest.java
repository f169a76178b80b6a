package org.financingorchestrator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The running sandbox on a random port, as the local sandbox (its controls on), driven over real HTTP, reset before each test. All test
 * classes share one application context.
 */
@SpringBootTest(
    classes = {SandboxApplication.class, TestClockConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=sandbox", "sandbox.controls.enabled=true", "management.server.port=0"})
public abstract class SandboxIntegrationTest {

  @LocalServerPort protected int port;
  @Autowired protected MutableClock clock;
  protected SandboxHttp http;

  @BeforeEach
  void resetSandbox() {
    http = new SandboxHttp(port);
    clock.reset();
    assertThat(http.call("POST", "/sandbox/reset").send().status()).isEqualTo(204);
  }

  protected JsonNode ledger(String reference) {
    String query = reference == null ? "" : "&reference=" + reference;
    SandboxHttp.Answer answer =
        http.call("GET", "/sandbox/ledger?provider=afterpay" + query).send();
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  protected static void assertAfterpayError(
      SandboxHttp.Answer answer, int status, String errorCode) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    JsonNode error = answer.json();
    assertThat(error.get("errorCode").asString()).isEqualTo(errorCode);
    assertThat(error.get("httpStatusCode").asInt()).isEqualTo(status);
    assertThat(error.get("errorId").asString()).matches("[0-9a-f]{16}");
    assertThat(error.get("message").asString()).isNotBlank();
  }
}
