package org.financingorchestrator.api.chargeafter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import static org.financingorchestrator.api.stack.StackHttp.get;
import static org.financingorchestrator.api.stack.StackHttp.location;
import static org.financingorchestrator.api.stack.StackHttp.post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A ChargeAfter send-link through the whole stack: the real Temporal dev server, the sandbox
 * playing ChargeAfter (its consumer page, and its postbacks sent over HTTP to starter-api with the
 * flow's Bearer key), the worker with its real Feign client, and starter-api as the merchant calls it.
 */
@RequiresLocalTools("temporal")
class ChargeAfterSendLinkEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FLOW_DECIDES = Duration.ofSeconds(30);

  private static InProcessStack stack;
  private static int apiPort;
  private static int sandboxPort;

  @BeforeAll
  static void startTheStack() {
    stack =
        InProcessStack.start(
            "chargeafter-end-to-end",
            // Short, so that a lost postback is recovered by the status request within the test.
            "--flows.chargeafter.postback-wait=PT3S",
            "--flows.chargeafter.first-status-poll=PT1S",
            "--flows.chargeafter.max-status-poll=PT2S");
    apiPort = stack.apiPort();
    sandboxPort = stack.sandboxPort();
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aCheckoutSendLinkApprovedByTheConsumerThroughTheSandboxsRealPostbacks() throws Exception {
    HttpResponse<String> created = post(api("/v1/chargeafter/send-links"), SendLinks.checkout("e2e-ca-1"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode link = JSON.readTree(created.body());
    String flowId = link.get("flowId").asText();
    String statusTrackingId = link.get("statusTrackingId").asText();
    String consumerPage = link.get("redirectUrl").asText();
    assertThat(flowId).isEqualTo("chargeafter-demo-e2e-ca-1");
    assertThat(consumerPage).isEqualTo("http://localhost:" + sandboxPort + "/chargeafter/consumer/" + statusTrackingId);
    // The same order again: the same session, one send-link at ChargeAfter.
    assertThat(JSON.readTree(post(api("/v1/chargeafter/send-links"), SendLinks.checkout("e2e-ca-1")).body()).get("statusTrackingId").asText())
        .isEqualTo(statusTrackingId);
    assertThat(ledger(statusTrackingId, "SEND_LINK_CREATED")).hasSize(1);

    // The consumer approves: ChargeAfter posts the data update and the final postback, then sends
    // the browser to our success redirect, which goes on to the merchant's page.
    HttpResponse<String> approved = post(URI.create(consumerPage + "/approve"), null);
    assertThat(approved.statusCode()).isEqualTo(303);
    String ours = location(approved);
    assertThat(ours).startsWith("http://localhost:" + apiPort + "/v1/callbacks/chargeafter/" + flowId + "/success?sig=");
    HttpResponse<String> landing = get(URI.create(ours));
    assertThat(landing.statusCode()).isEqualTo(303);
    assertThat(location(landing)).isEqualTo("https://shop.example/financing/approved?flowId=" + flowId);

    assertThat(ledger(statusTrackingId, "POSTBACK_SENT"))
        .extracting(entry -> entry.get("references").get("postback").asText() + " " + entry.get("references").get("httpStatus").asText())
        .containsExactly("dataUpdate 200", "final 200");
    Awaitility.await().atMost(FLOW_DECIDES).until(() -> "APPROVED".equals(flow(flowId).get("state").asText()));
    JsonNode outcome = JSON.readTree(get(api("/v1/chargeafter/send-links/e2e-ca-1")).body());
    assertThat(outcome.get("decidedBy").asText()).isEqualTo("postback");
    assertThat(outcome.get("token").asText()).matches("[0-9a-f-]{36}");
    assertThat(outcome.at("/lender/id").asText()).isEqualTo("sandbox-lender");
    assertThat(get(api("/v1/flows/" + flowId)).body()).doesNotContain(outcome.get("token").asText()).doesNotContain("john@example.com");
  }

  @Test
  void aPostbackSentTwiceDecidesOnce() throws Exception {
    JsonNode link = JSON.readTree(post(api("/v1/chargeafter/send-links"), SendLinks.checkout("e2e-ca-2")).body());
    String flowId = link.get("flowId").asText();
    String statusTrackingId = link.get("statusTrackingId").asText();

    HttpResponse<String> back = post(URI.create(link.get("redirectUrl").asText() + "/back-to-store?postback=twice"), null);
    assertThat(location(back)).contains("/v1/callbacks/chargeafter/" + flowId + "/failure?sig=").contains("code=BACK_TO_STORE");
    HttpResponse<String> landing = get(URI.create(location(back)));
    assertThat(location(landing)).startsWith("https://shop.example/financing/declined?lang=en&flowId=" + flowId + "&code=BACK_TO_STORE");

    assertThat(ledger(statusTrackingId, "POSTBACK_SENT")).hasSize(2).allSatisfy(e -> assertThat(e.get("references").get("httpStatus").asText()).isEqualTo("200"));
    Awaitility.await().atMost(FLOW_DECIDES).until(() -> "CANCELLED".equals(flow(flowId).get("state").asText()));
    JsonNode status = flow(flowId);
    assertThat(status.get("failure").get("code").asText()).isEqualTo("BACK_TO_STORE");
    List<String> steps = new ArrayList<>();
    status.get("steps").forEach(step -> steps.add(step.get("name").asText()));
    assertThat(steps).filteredOn("final_postback"::equals).hasSize(1);
  }

  @Test
  void aPostbackNeverSentIsRecoveredByTheStatusRequest() throws Exception {
    JsonNode link = JSON.readTree(post(api("/v1/chargeafter/send-links"), SendLinks.checkout("e2e-ca-3")).body());
    String flowId = link.get("flowId").asText();

    post(URI.create(link.get("redirectUrl").asText() + "/approve?postback=never"), null);

    Awaitility.await().atMost(FLOW_DECIDES).until(() -> "APPROVED".equals(flow(flowId).get("state").asText()));
    JsonNode outcome = JSON.readTree(get(api("/v1/chargeafter/send-links/e2e-ca-3")).body());
    assertThat(outcome.get("decidedBy").asText()).isEqualTo("status_request");
    assertThat(outcome.get("token").asText()).isNotBlank();
    assertThat(ledger(link.get("statusTrackingId").asText(), "POSTBACK_SENT")).isEmpty();
  }

  // --- helpers --------------------------------------------------------------------------------

  private static JsonNode flow(String flowId) throws Exception {
    HttpResponse<String> status = get(api("/v1/flows/" + flowId));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return JSON.readTree(status.body());
  }

  private static List<JsonNode> ledger(String reference, String type) throws Exception {
    HttpResponse<String> response = get(sandbox("/sandbox/ledger?provider=chargeafter&reference=" + reference));
    List<JsonNode> entries = new ArrayList<>();
    JSON.readTree(response.body()).forEach(entry -> {
      if (type.equals(entry.get("type").asText())) {
        entries.add(entry);
      }
    });
    return entries;
  }

  private static URI api(String path) {
    return URI.create("http://localhost:" + apiPort + path);
  }

  private static URI sandbox(String path) {
    return URI.create("http://localhost:" + sandboxPort + path);
  }
}
