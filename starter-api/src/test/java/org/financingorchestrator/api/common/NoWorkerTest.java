package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Temporal runs but no worker polls the flows' task queue: the merchant gets 504 within the
 * configured wait instead of a request that hangs, and may repeat the same request later.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=starter-api",
      "spring.temporal.test-server.enabled=true",
      "flows.afterpay.task-queue=no-worker-polls-this",
      "flows.afterpay.order-wait=PT1S"
    })
class NoWorkerTest {

  @LocalServerPort int port;

  @Test
  void aCheckoutThatGetsNoAnswerInTimeIsAGatewayTimeout() {
    long started = System.nanoTime();

    Http.Reply reply = new Http(port).post(Checkouts.PATH, Checkouts.body("nobody-works-1"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(504);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.path("flowId").asString()).isEqualTo("afterpay-nobody-works-1");
    assertThat(problem.path("detail").asString()).contains("repeat the same request");
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L);
  }
}
