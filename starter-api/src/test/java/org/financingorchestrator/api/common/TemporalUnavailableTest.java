package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Temporal is not reachable: the API says so with 503, and the caller may repeat later. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=starter-api",
      "spring.profiles.active=test",
      "temporal-client.reach-timeout=PT0.5S",
      "management.server.port=0",
      // Nothing reaches Temporal here, so nothing to encrypt.
      "payload-encryption.enabled=false"
    })
class TemporalUnavailableTest {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired CallbackSignatures signatures;
  private Http http;

  @DynamicPropertySource
  static void temporalNowhere(DynamicPropertyRegistry registry) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + closedPort);
  }

  @BeforeEach
  void http() {
    http = new Http(port);
  }

  @Test
  void aCheckoutIsAnsweredWithServiceUnavailable() {
    Http.Reply reply = http.post(Checkouts.PATH, Checkouts.body("down-1"));

    assertUnavailable(reply);
  }

  @Test
  void aStatusIsAnsweredWithServiceUnavailable() {
    assertUnavailable(http.get("/v1/flows/afterpay-shopa-down-1"));
  }

  @Test
  void aShopperReturnIsAnsweredWithServiceUnavailable() {
    String flowId = "afterpay-shopa-down-1";
    assertUnavailable(
        http.get("/v1/callbacks/afterpay/" + flowId + "/confirm?orderToken=t&status=SUCCESS&sig=" + signatures.sign(flowId)));
  }

  @Test
  void livenessStaysUpBecauseTheApiItselfRunsButItIsNotReady() {
    Http management = new Http(managementPort);
    assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);

    Http.Reply readiness = management.get("/actuator/health/readiness");

    assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
    JsonNode temporal = readiness.json().path("components").path("temporal");
    assertThat(temporal.path("status").asString()).isEqualTo("DOWN");
    assertThat(temporal.path("details").path("reason").asString()).matches("(UNAVAILABLE|DEADLINE_EXCEEDED): .*");
    assertThat(temporal.path("details").path("target").asString()).startsWith("127.0.0.1:");
    assertThat(management.get("/actuator/health").status()).isEqualTo(503);
  }

  private static void assertUnavailable(Http.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    JsonNode problem = reply.json();
    assertThat(problem.path("title").asString()).isEqualTo("Temporal unavailable");
  }
}
