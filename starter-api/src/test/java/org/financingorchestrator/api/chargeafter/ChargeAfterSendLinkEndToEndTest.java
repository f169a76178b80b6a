package org.financingorchestrator.api.chargeafter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.Parallel;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
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
  /** flows.chargeafter.deadline here: long enough for the abuse of a waiting flow, short enough to wait for. */
  static final Duration DEADLINE = Duration.ofSeconds(45);

  private static InProcessStack stack;
  private static int apiPort;
  private static int sandboxPort;
  private static PostbackAbuse abuse;

  @BeforeAll
  static void startTheStack() {
    // As the crash suite runs it: a lost postback is recovered by the status request within
    // seconds, and a link nobody opens expires within the test.
    stack =
        InProcessStack.start("chargeafter-end-to-end", new ChargeAfterCrashScripts().apiArguments(DEADLINE).toArray(String[]::new));
    apiPort = stack.apiPort();
    sandboxPort = stack.sandboxPort();
    abuse = new PostbackAbuse(stack);
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
    assertThat(steps(status)).containsOnlyOnce("final_postback");
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

  /**
   * Issue 12, abusive callbacks at volume: a decided flow gets its final postback again and again,
   * data updates after it, its consumer's redirect repeated and with another flow's signature; a
   * waiting flow gets postbacks with a wrong key or another flow's, and forged bodies with its own.
   * Each answer is clear, and neither flow, its history nor ChargeAfter's ledger changes.
   */
  @Test
  void postbacksAndRedirectsAbusedAtVolumeGetClearAnswersAndChangeNothing() throws Exception {
    JsonNode link = JSON.readTree(post(api("/v1/chargeafter/send-links"), SendLinks.checkout("e2e-ca-abused")).body());
    String decided = link.get("flowId").asText();
    String statusTrackingId = link.get("statusTrackingId").asText();
    String success = location(post(URI.create(link.get("redirectUrl").asText() + "/approve"), null));
    String merchantPage = location(get(URI.create(success)));
    Awaitility.await().atMost(FLOW_DECIDES).until(() -> abuse.closed(decided));
    String waiting = JSON.readTree(post(api("/v1/chargeafter/send-links"), SendLinks.checkout("e2e-ca-abused-waiting")).body())
        .get("flowId").asText();

    int decidedEvents = abuse.events(decided);
    JsonNode decidedStatus = flow(decided);
    String outcome = get(api("/v1/chargeafter/send-links/e2e-ca-abused")).body();
    int ledgerEntries = ledger(statusTrackingId).size();
    long waitingUpdates = abuse.acceptedUpdates(waiting);

    // The final postback again, a forged approval with the flow's key, data updates after the end.
    List<String> repeats = Parallel.calls(300, 8, i -> PostbackAbuse.received(
        abuse.postback(decided, i % 3 == 0 ? PostbackAbuse.DATA_UPDATE : PostbackAbuse.FINAL,
            i % 2 == 0 ? SendLinks.approved(statusTrackingId, "forged-" + i) : SendLinks.dataUpdate(statusTrackingId, "9" + i))));
    assertThat(repeats).containsOnly("200 ended");

    // Without the waiting flow's own key: nothing reaches it, whatever the body.
    List<String> wrongKeys = List.of(
        abuse.bearerOf(decided), "Bearer " + abuse.sigOf(waiting), "Bearer guessed", "Basic " + abuse.bearerOf(waiting).substring(7), "Bearer ");
    List<HttpResponse<String>> refused = Parallel.calls(200, 8, i -> abuse.postback(
        waiting, i % 2 == 0 ? PostbackAbuse.FINAL : PostbackAbuse.DATA_UPDATE,
        i % 6 == 5 ? null : wrongKeys.get(i % 6 % wrongKeys.size()), SendLinks.approved(statusTrackingId, "stolen")));
    assertThat(refused).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    });

    // Its own key, bodies that are no postback: 400 naming what is wrong, before the flow hears of it.
    List<String> forged = List.of("not json", "[]", "\"approved\"", "{\"token\": {\"forged\": true}}",
        "{\"error\": \"none\"}", "{\"availableCredit\": \"lots\"}", "");
    List<HttpResponse<String>> unread = Parallel.calls(forged.size() * 10, 8,
        i -> abuse.postback(waiting, i % 2 == 0 ? PostbackAbuse.FINAL : PostbackAbuse.DATA_UPDATE, forged.get(i % forged.size())));
    assertThat(unread).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400));

    // The consumer's redirect again and again lands where it did; with another flow's sig, nowhere.
    String otherSig = success.replaceFirst("sig=[^&]+", "sig=" + abuse.sigOf(waiting));
    List<HttpResponse<String>> redirects =
        Parallel.calls(200, 8, i -> PostbackAbuse.browser(i % 4 == 3 ? otherSig : success));
    assertThat(redirects).allSatisfy(answer -> {
      if (answer.statusCode() == 303) {
        assertThat(answer.headers().firstValue("Location")).hasValue(merchantPage);
      } else {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("sig");
      }
    });
    assertThat(redirects).filteredOn(answer -> answer.statusCode() == 303).hasSize(150);

    assertThat(abuse.events(decided)).isEqualTo(decidedEvents);
    assertThat(flow(decided)).isEqualTo(decidedStatus);
    assertThat(get(api("/v1/chargeafter/send-links/e2e-ca-abused")).body()).isEqualTo(outcome).doesNotContain("forged");
    assertThat(ledger(statusTrackingId)).hasSize(ledgerEntries);
    assertThat(abuse.acceptedUpdates(waiting)).isEqualTo(waitingUpdates);
    assertThat(flow(waiting).get("state").asText()).isEqualTo("AWAITING_SHOPPER");
  }

  /**
   * A waiting flow's history stays bounded whatever ChargeAfter repeats: the same data update
   * again is refused unwritten, a flow takes at most 20, and once it decided nothing more is
   * written; the consumer's approval still ends it as it should.
   */
  @Test
  void repeatedAndExcessDataUpdatesWriteNothingAndTheFlowStillDecides() throws Exception {
    JsonNode link = JSON.readTree(post(api("/v1/chargeafter/send-links"), SendLinks.checkout("e2e-ca-bounded")).body());
    String flowId = link.get("flowId").asText();
    String statusTrackingId = link.get("statusTrackingId").asText();
    long started = abuse.acceptedUpdates(flowId);

    List<String> same = Parallel.calls(200, 8,
        i -> PostbackAbuse.received(abuse.postback(flowId, PostbackAbuse.DATA_UPDATE, SendLinks.dataUpdate(statusTrackingId, "100"))));
    assertThat(same).containsOnly("200 taken", "200 unchanged").containsOnlyOnce("200 taken");
    assertThat(abuse.acceptedUpdates(flowId)).isEqualTo(started + 1);

    List<String> distinct = Parallel.calls(60, 4,
        i -> PostbackAbuse.received(abuse.postback(flowId, PostbackAbuse.DATA_UPDATE, SendLinks.dataUpdate(statusTrackingId, "2" + i))));
    assertThat(distinct).filteredOn("200 taken"::equals).hasSize(ChargeAfterSendLinkWorkflow.MAX_DATA_UPDATES - 1);
    assertThat(distinct).containsOnly("200 taken", "200 unchanged");
    assertThat(abuse.acceptedUpdates(flowId)).isEqualTo(started + ChargeAfterSendLinkWorkflow.MAX_DATA_UPDATES);

    // The consumer approves: the sandbox's own data update is one too many, its final postback decides.
    post(URI.create(link.get("redirectUrl").asText() + "/approve"), null);
    Awaitility.await().atMost(FLOW_DECIDES).until(() -> abuse.closed(flowId));
    assertThat(flow(flowId).get("state").asText()).isEqualTo("APPROVED");
    assertThat(abuse.acceptedUpdates(flowId)).isEqualTo(started + ChargeAfterSendLinkWorkflow.MAX_DATA_UPDATES + 1);
    assertThat(ledger(statusTrackingId, "POSTBACK_SENT"))
        .extracting(entry -> entry.get("references").get("postback").asText() + " " + entry.get("references").get("httpStatus").asText())
        .containsExactly("dataUpdate 200", "final 200");
  }

  /**
   * Issue 12, a postback and the expiry at the same instant: links nobody opens, each getting a
   * few final postbacks at once at its own moment around its deadline (from well before to well
   * after). Each flow ends one way only, coherently: APPROVED with exactly one postback taken, or
   * EXPIRED with none taken, no token and no postback step. Postbacks after the end change nothing.
   */
  @Test
  void postbacksAtTheInstantOfExpiryEndEachFlowOneWayOnlyAndLateOnesChangeNothing() throws Exception {
    int flows = 12;
    List<JsonNode> links = Parallel.calls(flows, 4,
        i -> JSON.readTree(post(api("/v1/chargeafter/send-links"), SendLinks.checkout("e2e-ca-race-" + i)).body()));
    // From 3 s before the deadline to 4 s after, denser around it.
    long[] offsetsMillis = {-3_000, -600, -300, -150, -50, 0, 50, 150, 300, 600, 1_200, 4_000};
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(flows);
    List<ScheduledFuture<List<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < flows; i++) {
        String flowId = links.get(i).get("flowId").asText();
        String statusTrackingId = links.get(i).get("statusTrackingId").asText();
        Instant deadline = Instant.parse(step(flow(flowId), "link_sent").get("at").asText()).plus(DEADLINE);
        // The instant itself is what is tested, so these are timed to it, not awaited.
        long delay = Duration.between(Instant.now(), deadline).toMillis() + offsetsMillis[i];
        answers.add(clock.schedule(
            () -> Parallel.calls(4, 4, n -> PostbackAbuse.received(
                abuse.postback(flowId, PostbackAbuse.FINAL, SendLinks.approved(statusTrackingId, "race-" + flowId)))),
            delay, TimeUnit.MILLISECONDS));
      }
      List<String> ends = new ArrayList<>();
      for (int i = 0; i < flows; i++) {
        String flowId = links.get(i).get("flowId").asText();
        List<String> received = answers.get(i).get(DEADLINE.toSeconds() + 60, TimeUnit.SECONDS);
        Awaitility.await().atMost(FLOW_DECIDES).until(() -> abuse.closed(flowId));
        JsonNode status = flow(flowId);
        JsonNode outcome = JSON.readTree(get(api("/v1/chargeafter/send-links/e2e-ca-race-" + i)).body());
        String state = status.get("state").asText();
        ends.add(offsetsMillis[i] + " ms: " + state + " " + received);
        long taken = received.stream().filter("200 taken"::equals).count();
        assertThat(received).as(flowId).allSatisfy(answer -> assertThat(answer).isIn("200 taken", "200 unchanged", "200 ended"));
        if ("APPROVED".equals(state)) {
          assertThat(taken).as(flowId).isEqualTo(1);
          assertThat(steps(status)).as(flowId).containsOnlyOnce("final_postback").doesNotContain("expired");
          assertThat(outcome.get("decidedBy").asText()).isEqualTo("postback");
          assertThat(outcome.get("token").asText()).isEqualTo("race-" + flowId);
        } else {
          assertThat(state).as(flowId).isEqualTo("EXPIRED");
          assertThat(taken).as(flowId).isZero();
          assertThat(steps(status)).as(flowId).doesNotContain("final_postback").containsOnlyOnce("expired");
          assertThat(outcome.path("token").asText(null)).as(flowId).isNull();
        }
      }
      System.out.println("ChargeAfter postbacks around the deadline: " + ends);
      assertThat(ends.get(0)).as("well before the deadline").contains("APPROVED");
      assertThat(ends.get(flows - 1)).as("well after the deadline").contains("EXPIRED");
    } finally {
      clock.shutdownNow();
    }

    // Late: long after the expiry, the postbacks of the expired link change nothing.
    String expired = links.get(flows - 1).get("flowId").asText();
    String expiredTracking = links.get(flows - 1).get("statusTrackingId").asText();
    int events = abuse.events(expired);
    List<String> late = Parallel.calls(100, 8, i -> PostbackAbuse.received(abuse.postback(
        expired, i % 2 == 0 ? PostbackAbuse.FINAL : PostbackAbuse.DATA_UPDATE, SendLinks.approved(expiredTracking, "late"))));
    assertThat(late).containsOnly("200 ended");
    assertThat(abuse.events(expired)).isEqualTo(events);
    assertThat(flow(expired).get("state").asText()).isEqualTo("EXPIRED");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static JsonNode flow(String flowId) throws Exception {
    HttpResponse<String> status = get(api("/v1/flows/" + flowId));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return JSON.readTree(status.body());
  }

  private static List<JsonNode> ledger(String reference, String type) throws Exception {
    return ledger(reference).stream().filter(entry -> type.equals(entry.get("type").asText())).toList();
  }

  private static List<JsonNode> ledger(String reference) throws Exception {
    HttpResponse<String> response = get(sandbox("/sandbox/ledger?provider=chargeafter&reference=" + reference));
    List<JsonNode> entries = new ArrayList<>();
    JSON.readTree(response.body()).forEach(entries::add);
    return entries;
  }

  private static JsonNode step(JsonNode status, String name) {
    for (JsonNode step : status.get("steps")) {
      if (name.equals(step.get("name").asText())) {
        return step;
      }
    }
    throw new AssertionError("No step " + name + " in " + status);
  }

  private static List<String> steps(JsonNode status) {
    List<String> names = new ArrayList<>();
    status.get("steps").forEach(step -> names.add(step.get("name").asText()));
    return names;
  }

  private static URI api(String path) {
    return URI.create("http://localhost:" + apiPort + path);
  }

  private static URI sandbox(String path) {
    return URI.create("http://localhost:" + sandboxPort + path);
  }
}
