package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.TestPayloadKey;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Temporal runs but no worker polls the flows' task queue (a worker killed and not yet
 * restarted): the merchant gets 504 within the configured wait instead of a request that hangs,
 * and may repeat the same request later; a flow's status is still answered, from what the flow
 * last recorded on the Temporal server.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=starter-api",
      "spring.profiles.active=test",
      "spring.temporal.test-server.enabled=true",
      "management.server.port=0",
      "flows.afterpay.task-queue=" + NoWorkerTest.NO_WORKER,
      "flows.afterpay.order-wait=PT1S",
      "flows.status-query-wait=PT1S"
    })
class NoWorkerTest {

  static final String NO_WORKER = "no-worker-polls-this";
  /** Well above the status Query's 1 s wait, well below a hang. */
  private static final long A_FEW_SECONDS = 5_000_000_000L;

  @LocalServerPort int port;
  @Autowired WorkflowClient client;

  @Autowired
  @Qualifier("temporalTestWorkflowEnvironment")
  TestWorkflowEnvironment temporal;

  private Http http;

  @DynamicPropertySource
  static void payloadKey(DynamicPropertyRegistry registry) {
    TestPayloadKey.register(registry);
  }

  @BeforeEach
  void http() {
    http = new Http(port);
  }

  @Test
  void aCheckoutThatGetsNoAnswerInTimeIsAGatewayTimeout() {
    long started = System.nanoTime();

    Http.Reply reply = http.post(Checkouts.PATH, Checkouts.body("nobody-works-1"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(504);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.path("flowId").asString()).isEqualTo("afterpay-shopa-nobody-works-1");
    assertThat(problem.path("detail").asString()).contains("repeat the same request");
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L);
  }

  @Test
  void aFlowNoWorkerHasPickedUpAnswersTheStatusTheApiRecordedAtItsStart() {
    assertThat(http.post(Checkouts.PATH, Checkouts.body("nobody-works-2")).status()).isEqualTo(504);
    long asked = System.nanoTime();

    Http.Reply reply = http.get("/v1/flows/afterpay-shopa-nobody-works-2");

    assertThat(System.nanoTime() - asked).isLessThan(A_FEW_SECONDS);
    JsonNode status = assertLastRecorded(reply, "nobody-works-2", "STARTED");
    assertThat(status.path("providerIds").isEmpty()).isTrue();
    assertThat(status.path("steps").isEmpty()).isTrue();
    // The memo holds no personal data of the checkout.
    assertThat(reply.body()).doesNotContain("joe@example.com", "Joe", "75 Queen St", "2120000000");
  }

  @Test
  void aFlowStartedBeforeFlowsKeptAMemoAnswersWhatItsSearchAttributesSay() {
    FlowSearchAttributes.DEFINITIONS.forEach(temporal::registerSearchAttribute);
    // What such a flow has on the server: the search attributes its journal upserted, no memo.
    client
        .newUntypedWorkflowStub(
            "AfterpayCheckout",
            WorkflowOptions.newBuilder()
                .setWorkflowId("afterpay-shopa-before-memo-1")
                .setTaskQueue(NO_WORKER)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(FlowSearchAttributes.PROVIDER, "afterpay")
                        .set(FlowSearchAttributes.MERCHANT_REFERENCE, "before-memo-1")
                        .set(FlowSearchAttributes.STATE, "AWAITING_SHOPPER")
                        .set(FlowSearchAttributes.AMOUNT_MINOR_UNITS, 2185L)
                        .set(FlowSearchAttributes.CURRENCY, "USD")
                        .build())
                .build())
        .start();

    Http.Reply reply = http.get("/v1/flows/afterpay-shopa-before-memo-1");

    assertLastRecorded(reply, "before-memo-1", "AWAITING_SHOPPER");
  }

  @Test
  void anUnknownFlowIsStillNotFound() {
    Http.Reply reply = http.get("/v1/flows/afterpay-never-started");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
    assertThat(reply.json().path("flowId").asString()).isEqualTo("afterpay-never-started");
  }

  /** A 200 from the status the flow last recorded: the checkout example's order of USD 21.85. */
  private static JsonNode assertLastRecorded(Http.Reply reply, String merchantReference, String state) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode status = reply.json();
    assertThat(status.path("source").asString()).isEqualTo("last-recorded");
    assertThat(status.path("flowId").asString()).isEqualTo("afterpay-shopa-" + merchantReference);
    assertThat(status.path("provider").asString()).isEqualTo("afterpay");
    assertThat(status.path("merchantReference").asString()).isEqualTo(merchantReference);
    assertThat(status.path("state").asString()).isEqualTo(state);
    assertThat(status.path("orderAmount").path("amount").asString()).isEqualTo("21.85");
    assertThat(status.path("orderAmount").path("currency").asString()).isEqualTo("USD");
    return status;
  }
}
