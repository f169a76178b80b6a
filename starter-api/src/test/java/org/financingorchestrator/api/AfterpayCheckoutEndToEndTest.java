package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.Parallel;
import org.financingorchestrator.api.stack.RacingRefunds;
import org.financingorchestrator.api.stack.FreePorts;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.financingorchestrator.api.common.LastRecordedStatus;
import org.financingorchestrator.api.stack.RawHistory;
import org.financingorchestrator.api.stack.TemporalDevServer;
import org.financingorchestrator.api.stack.TemporalUiPage;
import org.financingorchestrator.workflows.common.FlowState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole stack, each piece as it runs in production: the real Temporal dev server (a child
 * process), the sandbox playing Afterpay over HTTP, the worker with its real Feign client, and
 * starter-api driven through its HTTP API as a merchant, a shopper's browser and Afterpay would.
 * The apps share this JVM; {@code WorkerCrashEndToEndTest} runs the worker in its own, to kill it.
 */
@RequiresLocalTools("temporal")
class AfterpayCheckoutEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  private static final String CODEC_TOKEN = UUID.randomUUID().toString();
  /** What the checkout says about the shopper; none of it may be in clear on the Temporal server. */
  /** A payload's {@code encoding} metadata when encrypted, base64 as protobuf JSON writes bytes. */
  private static final String ENCRYPTED_ENCODING =
      Base64.getEncoder().encodeToString("binary/encrypted".getBytes(StandardCharsets.UTF_8));
  private static final List<String> PERSONAL_DATA = List.of("joe@example.com", "Joe Consumer", "75 Queen St", "2120000000");

  private static TemporalDevServer temporal;
  private static InProcessStack stack;
  private static int apiPort;
  /** The API's own signer: what a leaked callback URL would carry. */
  private static CallbackSignatures signatures;
  private static int sandboxPort;

  @BeforeAll
  static void startTheStack() {
    // With its UI: an operator finds the flows this test runs (aCapturedCheckoutIsFoundInTheTemporalUi)
    // and reads their payloads through the API's codec server, as deploy/local/run.sh sets it up:
    // so the API's port is chosen before the dev server starts.
    apiPort = FreePorts.next();
    temporal = TemporalDevServer.start("afterpay-end-to-end", true, URI.create("http://127.0.0.1:" + apiPort + "/codec"));
    stack =
        InProcessStack.start(
            temporal,
            apiPort,
            // This test's merchant pages (the demo's own are shop.example and localhost).
            "--merchants.demo.redirect-hosts=merchant.example",
            "--codec-server.token=" + CODEC_TOKEN,
            // As run.sh: the UI calls the codec server from the browser, with no token over
            // http, from its own origin.
            "--codec-server.allow-loopback-without-token=true",
            "--codec-server.allowed-origins=" + temporal.uiUrl(),
            // Short, so that a refund Afterpay does not answer in time is answered 202 quickly.
            "--flows.afterpay.operation-wait=PT5S");
    sandboxPort = stack.sandboxPort();
    signatures = stack.api().getBean(CallbackSignatures.class);
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anAfterpayCheckoutFromOrderThroughTheShoppersApprovalToCaptureRefundAndCourier() throws Exception {
    String checkout = checkout("e2e-1001");

    HttpResponse<String> created = send(post(api("/v1/afterpay/checkouts"), checkout));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode order = JSON.readTree(created.body());
    String flowId = order.get("flowId").asText();
    String token = order.get("token").asText();
    assertThat(flowId).isEqualTo("afterpay-demo-e2e-1001");
    assertThat(token).hasSize(52);
    assertThat(created.headers().firstValue("Location")).hasValue("/v1/flows/" + flowId);

    HttpResponse<String> repeated = send(post(api("/v1/afterpay/checkouts"), checkout));
    assertThat(JSON.readTree(repeated.body()).get("token").asText()).isEqualTo(token);
    assertThat(ledger(token, "ORDER_CREATED")).hasSize(1);

    // The shopper approves at Afterpay, which sends the browser to our confirm callback.
    HttpResponse<String> approved = send(post(sandbox("/afterpay/checkout/" + token + "/approve"), null));
    assertThat(approved.statusCode()).isEqualTo(303);
    String callback = location(approved);
    assertThat(callback)
        .startsWith("http://localhost:" + apiPort + "/v1/callbacks/afterpay/" + flowId + "/confirm")
        .contains("sig=" + signatures.sign(flowId), "orderToken=" + token, "status=SUCCESS");

    HttpResponse<String> landing = send(get(URI.create(callback)));
    assertThat(landing.statusCode()).as(landing.body()).isEqualTo(303);
    assertThat(location(landing)).isEqualTo("https://merchant.example/confirm?flowId=" + flowId + "&status=CAPTURED");

    JsonNode captured = flow(flowId);
    assertThat(captured.get("state").asText()).isEqualTo("CAPTURED");
    assertThat(amount(captured.get("capturedAmount"))).isEqualByComparingTo("21.85");
    String paymentId = captured.get("providerIds").get("paymentId").asText();
    assertThat(ledger(token, "PAYMENT_CAPTURED")).hasSize(1);
    assertThat(ledger(token, "PAYMENT_CAPTURED").get(0).get("references").get("paymentId").asText()).isEqualTo(paymentId);

    // The merchant's retried start request now answers the captured flow, and creates nothing.
    JsonNode afterCapture = JSON.readTree(send(post(api("/v1/afterpay/checkouts"), checkout)).body());
    assertThat(afterCapture.get("status").asText()).isEqualTo("CAPTURED");
    assertThat(afterCapture.get("token").asText()).isEqualTo(token);
    assertThat(ledger(token, "ORDER_CREATED")).hasSize(1);

    // A partial refund, sent twice with the same merchant reference, refunds once.
    String refund = "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"USD\"},\"merchantReference\":\"RF-1\"}";
    HttpResponse<String> refunded = send(post(api("/v1/flows/" + flowId + "/refunds"), refund));
    assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
    HttpResponse<String> refundedAgain = send(post(api("/v1/flows/" + flowId + "/refunds"), refund));
    assertThat(JSON.readTree(refundedAgain.body()).get("refundId").asText())
        .isEqualTo(JSON.readTree(refunded.body()).get("refundId").asText());
    List<JsonNode> refunds = ledger(paymentId, "REFUND_CREATED");
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).get("requestId").asText()).isEqualTo(JSON.readTree(refunded.body()).get("requestId").asText());

    HttpResponse<String> tooMuch =
        send(post(api("/v1/flows/" + flowId + "/refunds"), "{\"amount\":{\"amount\":\"16.86\",\"currency\":\"USD\"},\"merchantReference\":\"RF-2\"}"));
    assertThat(tooMuch.statusCode()).isBetween(400, 499);
    assertThat(tooMuch.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(ledger(paymentId, "REFUND_CREATED")).hasSize(1);

    HttpResponse<String> courier =
        send(
            put(
                api("/v1/flows/" + flowId + "/courier"),
                "{\"shippedAt\":\"2026-11-21T10:00:00Z\",\"name\":\"CourierPost\",\"tracking\":\"AA999999999AA\",\"priority\":\"STANDARD\"}"));
    assertThat(courier.statusCode()).as(courier.body()).isEqualTo(200);
    assertThat(ledger(paymentId, "COURIER_UPDATED")).hasSize(1);

    JsonNode after = flow(flowId);
    assertThat(after.get("state").asText()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(amount(after.get("refundedAmount"))).isEqualByComparingTo("5.00");
    List<String> steps = new ArrayList<>();
    after.get("steps").forEach(step -> steps.add(step.get("name").asText()));
    assertThat(steps)
        .containsSubsequence(
            "started", "limits_checked", "order_created", "shopper_returned", "capture_requested",
            "captured", "refund_requested", "refunded", "courier_updated");
    // The status answer carries no personal data.
    assertThat(flowBody(flowId)).doesNotContain("joe@example.com", "Joe", "75 Queen St", "2120000000");
  }

  @Test
  void aCaptureAfterpayDeclinesSendsTheShopperToTheCancelPageWithAfterpaysCode() throws Exception {
    HttpResponse<String> created = send(post(api("/v1/afterpay/checkouts"), checkout("e2e-1002")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String token = JSON.readTree(created.body()).get("token").asText();

    HttpResponse<String> approved =
        send(post(sandbox("/afterpay/checkout/" + token + "/approve?captureOutcome=DECLINED"), null));
    HttpResponse<String> landing = send(get(URI.create(location(approved))));

    assertThat(landing.statusCode()).isEqualTo(303);
    assertThat(location(landing))
        .isEqualTo("https://merchant.example/cancel?flowId=afterpay-demo-e2e-1002&status=DECLINED&reason=declined");
    JsonNode declined = flow("afterpay-demo-e2e-1002");
    assertThat(declined.get("state").asText()).isEqualTo("DECLINED");
    assertThat(declined.get("failure").get("source").asText()).isEqualTo("afterpay");
    assertThat(declined.get("failure").get("code").asText()).isEqualTo("declined");
    assertThat(declined.get("failure").get("httpStatus").asInt()).isEqualTo(402);
  }

  @Test
  void aForgedSuccessBeforeTheShopperApprovedDoesNotEndTheCheckout() throws Exception {
    JsonNode order = JSON.readTree(send(post(api("/v1/afterpay/checkouts"), checkout("e2e-1006"))).body());
    String flowId = order.get("flowId").asText();
    String token = order.get("token").asText();
    String confirm = "/v1/callbacks/afterpay/" + flowId + "/confirm?orderToken=" + token + "&status=SUCCESS";

    // Without the URL's signature: refused, and nothing reaches the flow.
    assertThat(send(get(api(confirm))).statusCode()).isEqualTo(400);
    assertThat(send(get(api(confirm + "&sig=" + signatures.sign(flowId + "-other")))).statusCode()).isEqualTo(400);
    // Signed (a leaked URL), but the shopper has not approved: Afterpay refuses the capture
    // (invalid_token); that browser goes to the cancel page and the checkout goes on.
    HttpResponse<String> forged = send(get(api(confirm + "&sig=" + signatures.sign(flowId))));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(303);
    assertThat(location(forged))
        .isEqualTo("https://merchant.example/cancel?flowId=" + flowId + "&status=AWAITING_SHOPPER&reason=invalid_token");
    JsonNode waiting = flow(flowId);
    assertThat(waiting.get("state").asText()).isEqualTo("AWAITING_SHOPPER");
    assertThat(waiting.get("providerIds").has("token")).isFalse();

    // The real shopper approves later: Afterpay's redirect carries the signed URL, and it captures.
    HttpResponse<String> approved = send(post(sandbox("/afterpay/checkout/" + token + "/approve"), null));
    HttpResponse<String> landing = send(get(URI.create(location(approved))));
    assertThat(location(landing)).isEqualTo("https://merchant.example/confirm?flowId=" + flowId + "&status=CAPTURED");
    assertThat(flow(flowId).get("state").asText()).isEqualTo("CAPTURED");
    assertThat(ledger(token, "PAYMENT_CAPTURED")).hasSize(1);
  }

  @Test
  void aCaptureWhoseAnswerWasLostIsSentAgainByTokenAndHappensOnce() throws Exception {
    HttpResponse<String> created = send(post(api("/v1/afterpay/checkouts"), checkout("e2e-1004")));
    String token = JSON.readTree(created.body()).get("token").asText();
    // Afterpay captures, then the answer is lost: the client sees a 503 after the effect.
    HttpResponse<String> fault =
        send(
            post(
                sandbox("/sandbox/faults"),
                "{\"provider\":\"afterpay\",\"operation\":\"capture\",\"status\":503,"
                    + "\"errorCode\":\"service_unavailable\",\"count\":1,\"afterEffect\":true}"));
    assertThat(fault.statusCode()).as(fault.body()).isBetween(200, 299);

    HttpResponse<String> approved = send(post(sandbox("/afterpay/checkout/" + token + "/approve"), null));
    HttpResponse<String> landing = send(get(URI.create(location(approved))));

    assertThat(location(landing)).isEqualTo("https://merchant.example/confirm?flowId=afterpay-demo-e2e-1004&status=CAPTURED");
    // The fault was used (the first answer was a 503), the capture was sent again, and happened once.
    assertThat(send(get(sandbox("/sandbox/faults"))).body()).isEqualTo("[]");
    assertThat(ledger(token, "PAYMENT_CAPTURED")).hasSize(1);
    assertThat(flow("afterpay-demo-e2e-1004").get("state").asText()).isEqualTo("CAPTURED");
  }

  /**
   * Issue 6, item 1: Afterpay makes the refund, then answers 503 to everything for 20 s. The
   * merchant is told the refund is pending (202), never that it failed; the same request after the
   * outage answers the refund, made once; the flow and Afterpay's ledger agree.
   */
  @Test
  void aRefundFollowedByAnOutageIsPendingThenSettledOnceAndTheFlowAgreesWithAfterpay() throws Exception {
    String flowId = "afterpay-demo-e2e-1005";
    String token = JSON.readTree(send(post(api("/v1/afterpay/checkouts"), checkout("e2e-1005"))).body()).get("token").asText();
    send(get(URI.create(location(send(post(sandbox("/afterpay/checkout/" + token + "/approve"), null))))));
    String paymentId = flow(flowId).get("providerIds").get("paymentId").asText();
    HttpResponse<String> fault =
        send(
            post(
                sandbox("/sandbox/faults"),
                "{\"provider\":\"afterpay\",\"operation\":\"refund\",\"status\":503,\"afterEffect\":true,"
                    + "\"downForSeconds\":20}"));
    assertThat(fault.statusCode()).as(fault.body()).isEqualTo(201);

    String refund = "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"USD\"},\"merchantReference\":\"RF-OUT\"}";
    HttpResponse<String> pending = send(post(api("/v1/flows/" + flowId + "/refunds"), refund));

    assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
    assertThat(location(pending)).isEqualTo("/v1/flows/" + flowId);
    JsonNode pendingBody = JSON.readTree(pending.body());
    assertThat(pendingBody.get("state").asText()).isEqualTo("PENDING");
    assertThat(pendingBody.get("merchantReference").asText()).isEqualTo("RF-OUT");
    assertThat(amount(pendingBody.get("amount"))).isEqualByComparingTo("5.00");
    JsonNode during = flow(flowId);
    assertThat(during.get("pending").get(0).get("effect").asText()).isEqualTo("refund");
    assertThat(amount(during.get("refundedAmount"))).isEqualByComparingTo("0.00");

    HttpResponse<String> settled =
        Awaitility.await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> send(post(api("/v1/flows/" + flowId + "/refunds"), refund)), answer -> answer.statusCode() != 202);

    assertThat(settled.statusCode()).as(settled.body()).isEqualTo(201);
    JsonNode after = flow(flowId);
    assertThat(amount(after.get("refundedAmount"))).isEqualByComparingTo("5.00");
    assertThat(after.get("pending")).isEmpty();
    List<JsonNode> refunds = ledger(paymentId, "REFUND_CREATED");
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).get("requestId").asText()).isEqualTo(JSON.readTree(settled.body()).get("requestId").asText());

    // What is left is 16.85: a new reference for more is refused, and nothing moves at Afterpay.
    HttpResponse<String> tooMuch =
        send(
            post(
                api("/v1/flows/" + flowId + "/refunds"),
                "{\"amount\":{\"amount\":\"16.86\",\"currency\":\"USD\"},\"merchantReference\":\"RF-MORE\"}"));
    assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(422);
    assertThat(ledger(paymentId, "REFUND_CREATED")).hasSize(1);
    assertThat(amount(flow(flowId).get("refundedAmount"))).isEqualByComparingTo("5.00");
  }

  /**
   * Issue 8, encrypted histories: the history as the Temporal server holds it (read with no codec)
   * has every payload encrypted and no personal data anywhere, while the status API answers as
   * always and search attributes stay plain for the server to index; the codec server gives an
   * operator the checkout back.
   */
  @Test
  void theServerHoldsNoPersonalDataInClearAndTheCodecServerShowsItToAnOperator() throws Exception {
    String flowId = "afterpay-demo-e2e-1007";
    String token = JSON.readTree(send(post(api("/v1/afterpay/checkouts"), checkout("e2e-1007"))).body()).get("token").asText();
    send(get(URI.create(location(send(post(sandbox("/afterpay/checkout/" + token + "/approve"), null))))));
    assertThat(flow(flowId).get("state").asText()).isEqualTo("CAPTURED");

    try (RawHistory raw = RawHistory.connect(temporal.target())) {
      RawHistory.Payloads history = raw.history(flowId);
      assertThat(history.encoded()).isNotEmpty().allSatisfy(payload -> assertThat(RawHistory.isEncrypted(payload)).isTrue());
      assertThat(history.searchAttributes()).isNotEmpty().noneSatisfy(payload -> assertThat(RawHistory.isEncrypted(payload)).isTrue());
      assertThat(RawHistory.dataOf(RawHistory.json(history.versionMarkers()))).doesNotContain(PERSONAL_DATA);
      assertThat(history.text()).doesNotContain(PERSONAL_DATA);
      RawHistory.Payloads described = raw.described(flowId);
      assertThat(described.encoded()).as("the memo").isNotEmpty().allSatisfy(payload -> assertThat(RawHistory.isEncrypted(payload)).isTrue());
      assertThat(described.text()).contains("CAPTURED").doesNotContain(PERSONAL_DATA);

      // The operator's view: the start's input, decoded by the codec server, is the checkout.
      HttpResponse<String> decoded =
          send(
              HttpRequest.newBuilder(api("/codec/decode"))
                  .header("Content-Type", "application/json")
                  .header("X-Namespace", "default")
                  .header("Authorization", "Bearer " + CODEC_TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofString(RawHistory.json(history.startInput())))
                  .build());
      assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
      assertThat(RawHistory.dataOf(decoded.body())).contains("joe@example.com", "75 Queen St");
    }
    // The status still answers, and so does the memo it falls back on, decrypted by the client.
    assertThat(flowBody(flowId)).contains("\"state\":\"CAPTURED\"").doesNotContain(PERSONAL_DATA);
    LastRecordedStatus lastRecorded = stack.api().getBean(LastRecordedStatus.class);
    assertThat(lastRecorded.get(flowId).state()).isEqualTo(FlowState.CAPTURED);
  }

  @Test
  void badInputGetsAProblemNamingTheFieldAndStartsNothing() throws Exception {
    String bad = checkout("e2e-1003").replace("\"21.85\"", "\"21.857\"");

    HttpResponse<String> refused = send(post(api("/v1/afterpay/checkouts"), bad));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("totalAmount.amount");
    assertThat(send(get(api("/v1/flows/afterpay-demo-e2e-1003"))).statusCode()).isEqualTo(404);
  }

  @Test
  @RequiresLocalTools("chromium")
  void aCapturedCheckoutIsFoundInTheTemporalUiByItsSearchAttributes() throws Exception {
    HttpResponse<String> created = send(post(api("/v1/afterpay/checkouts"), checkout("e2e-ui-1")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String token = JSON.readTree(created.body()).get("token").asText();
    HttpResponse<String> approved = send(post(sandbox("/afterpay/checkout/" + token + "/approve"), null));
    HttpResponse<String> landing = send(get(URI.create(location(approved))));
    assertThat(location(landing)).endsWith("status=CAPTURED");

    // What README tells an operator to type in the workflow list's search box.
    try (TemporalUiPage ui =
        TemporalUiPage.open(TemporalUiPage.chromium().value().orElseThrow(), URI.create(temporal.uiUrl()), "default")) {
      TemporalUiPage.Listing listing =
          ui.listShowing(
              "FlowProvider = \"afterpay\" AND MerchantId = \"demo\" AND FlowState = \"CAPTURED\" AND MerchantReference = \"e2e-ui-1\"",
              "afterpay-demo-e2e-ui-1",
              java.nio.file.Path.of("target", "temporal-ui", "walk-through-captured.png"));
      assertThat(listing.workflowIds()).containsExactly("afterpay-demo-e2e-ui-1");
    }
  }

  /**
   * Issue 8, bounded flows, on the real server: 2,000 repeats of the shopper's return to a captured
   * checkout are answered from the flow's state and write nothing to its history; 500 refunds make
   * the flow continue as new, so that no run's history passes the bound; Afterpay (the sandbox)
   * made each refund once and the flow's status agrees with it.
   */
  @Test
  void twoThousandRepeatedReturnsWriteNothingAndFiveHundredRefundsKeepEveryRunBounded() throws Exception {
    JsonNode order = JSON.readTree(send(post(api("/v1/afterpay/checkouts"), checkout("e2e-bounded"))).body());
    String flowId = order.get("flowId").asText();
    String token = order.get("token").asText();
    URI callback = URI.create(location(send(post(sandbox("/afterpay/checkout/" + token + "/approve"), null))));
    String confirmPage = "https://merchant.example/confirm?flowId=" + flowId + "&status=CAPTURED";
    assertThat(location(send(get(callback)))).isEqualTo(confirmPage);

    try (RawHistory server = RawHistory.connect(temporal.target())) {
      int afterCapture = server.runLengths(flowId).get(0);
      List<Integer> answers = Parallel.calls(2_000, 8, i -> {
        HttpResponse<String> landing = send(get(callback));
        assertThat(location(landing)).isEqualTo(confirmPage);
        return landing.statusCode();
      });
      assertThat(answers).containsOnly(303);
      assertThat(server.runLengths(flowId)).containsExactly(afterCapture);

      // Four at a time: Temporal takes a few Updates in flight per flow, and a merchant sends few.
      List<Integer> refunds = Parallel.calls(500, 4, i -> send(post(
          api("/v1/flows/" + flowId + "/refunds"),
          "{\"amount\":{\"amount\":\"0.01\",\"currency\":\"USD\"},\"merchantReference\":\"RF-" + i + "\"}"))
          .statusCode());
      assertThat(refunds).containsOnly(201);

      List<Integer> runs = server.runLengths(flowId);
      System.out.println("Bounded flow " + flowId + ": events per run, newest first: " + runs);
      assertThat(runs).hasSizeGreaterThan(3).allSatisfy(events -> assertThat(events).isLessThan(HISTORY_BOUND));
    }
    JsonNode refunded = flow(flowId);
    assertThat(amount(refunded.get("refundedAmount"))).isEqualByComparingTo("5.00");
    assertThat(refunded.get("refunds")).hasSize(500);
    String paymentId = refunded.get("providerIds").get("paymentId").asText();
    assertThat(ledger(paymentId, "REFUND_CREATED")).hasSize(500);
    assertThat(ledger(token, "PAYMENT_CAPTURED")).hasSize(1);
    // After all that, the shopper's return still lands where it did, and still writes nothing,
    // also to a run that never saw the first return's Update.
    try (RawHistory server = RawHistory.connect(temporal.target())) {
      List<Integer> before = server.runLengths(flowId);
      for (int i = 0; i < 20; i++) {
        assertThat(location(send(get(callback)))).isEqualTo(confirmPage);
      }
      assertThat(server.runLengths(flowId)).isEqualTo(before);
    }
  }

  /**
   * Issue 12, abusive callbacks, on the real server: out of order (cancel after success, success
   * after cancel), another flow's token or signature, and refunds racing past the total. Each gets
   * a clear answer, the flow's state and Afterpay's ledger stay as they were, and the callbacks
   * write nothing to the flow's history.
   */
  @Test
  void abusiveCallbacksAndRacingRefundsGetClearAnswersAndLeaveTheFlowIntact() throws Exception {
    JsonNode order = JSON.readTree(send(post(api("/v1/afterpay/checkouts"), checkout("e2e-abuse"))).body());
    String flowId = order.get("flowId").asText();
    String token = order.get("token").asText();
    assertThat(location(send(get(URI.create(location(send(post(sandbox("/afterpay/checkout/" + token + "/approve"), null))))))))
        .isEqualTo("https://merchant.example/confirm?flowId=" + flowId + "&status=CAPTURED");
    JsonNode other = JSON.readTree(send(post(api("/v1/afterpay/checkouts"), checkout("e2e-abuse-other"))).body());

    try (RawHistory server = RawHistory.connect(temporal.target())) {
      int events = server.runLengths(flowId).get(0);
      String callbacks = "/v1/callbacks/afterpay/" + flowId;
      String signed = "&sig=" + signatures.sign(flowId);
      // Out of order: the shopper's cancel after the capture lands where the flow decided.
      HttpResponse<String> cancelAfterSuccess =
          send(get(api(callbacks + "/cancel?orderToken=" + token + "&status=CANCELLED" + signed)));
      assertThat(cancelAfterSuccess.statusCode()).isEqualTo(303);
      assertThat(location(cancelAfterSuccess)).isEqualTo("https://merchant.example/confirm?flowId=" + flowId + "&status=CAPTURED");
      // Another flow's token, or another flow's signature: refused, naming the field.
      HttpResponse<String> foreignToken =
          send(get(api(callbacks + "/confirm?orderToken=" + other.get("token").asText() + "&status=SUCCESS" + signed)));
      assertThat(foreignToken.statusCode()).isEqualTo(400);
      assertThat(foreignToken.body()).contains("orderToken");
      HttpResponse<String> foreignSig =
          send(get(api(callbacks + "/confirm?orderToken=" + token + "&status=SUCCESS&sig=" + signatures.sign(other.get("flowId").asText()))));
      assertThat(foreignSig.statusCode()).isEqualTo(400);
      assertThat(foreignSig.body()).contains("sig");
      assertThat(server.runLengths(flowId)).containsExactly(events);
    }

    // Twenty refunds of 5.00 at once against 21.85: four fit, every other one is refused, none fails.
    List<Integer> refunds = RacingRefunds.send(api("/v1/flows/" + flowId + "/refunds"), 20, "5.00");
    assertThat(refunds).filteredOn(status -> status == 201).hasSize(4);
    assertThat(refunds).allSatisfy(status -> assertThat(status).isIn(201, 409, 422));
    JsonNode refunded = flow(flowId);
    assertThat(amount(refunded.get("refundedAmount"))).isEqualByComparingTo("20.00");
    assertThat(refunded.get("state").asText()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(ledger(refunded.get("providerIds").get("paymentId").asText(), "REFUND_CREATED")).hasSize(4);

    // Out of order the other way: a success after the shopper cancelled captures nothing.
    String otherFlow = other.get("flowId").asText();
    String otherToken = other.get("token").asText();
    String otherCallbacks = "/v1/callbacks/afterpay/" + otherFlow;
    String otherSigned = "&sig=" + signatures.sign(otherFlow);
    send(get(api(otherCallbacks + "/cancel?orderToken=" + otherToken + "&status=CANCELLED" + otherSigned)));
    HttpResponse<String> successAfterCancel =
        send(get(api(otherCallbacks + "/confirm?orderToken=" + otherToken + "&status=SUCCESS" + otherSigned)));
    assertThat(successAfterCancel.statusCode()).isEqualTo(303);
    assertThat(location(successAfterCancel)).startsWith("https://merchant.example/cancel?flowId=" + otherFlow + "&status=CANCELLED");
    assertThat(flow(otherFlow).get("state").asText()).isEqualTo("CANCELLED");
    assertThat(ledger(otherToken, "PAYMENT_CAPTURED")).isEmpty();
  }

  /**
   * No run of a flow holds more events than this: the after-sale continues as new past 1,000
   * (AfterSale.CONTINUE_AS_NEW_AFTER_EVENTS), plus the refunds in flight then (a few dozen events).
   */
  private static final int HISTORY_BOUND = 1_200;

  /**
   * Issue 8, encrypted histories, the operator's side: the Temporal UI, in a real browser, shows
   * the checkout's input decoded through the codec server (the shopper's email and address), while
   * the server itself holds only ciphertext (theServerHoldsNoPersonalDataInClear...: what the UI
   * would show without its codec endpoint).
   */
  @Test
  @RequiresLocalTools("chromium")
  void theTemporalUiShowsTheCheckoutDecodedThroughTheCodecServer() throws Exception {
    String flowId = "afterpay-demo-e2e-ui-codec";
    HttpResponse<String> created = send(post(api("/v1/afterpay/checkouts"), checkout("e2e-ui-codec")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    try (RawHistory raw = RawHistory.connect(temporal.target())) {
      assertThat(raw.history(flowId).text()).doesNotContain(PERSONAL_DATA);
    }
    // What the UI's own server hands the page: ciphertext only, so what the page shows decoded it
    // got from the codec server.
    HttpResponse<String> served =
        send(
            HttpRequest.newBuilder(URI.create(temporal.uiUrl() + "/api/v1/namespaces/default/workflows/" + flowId + "/history"))
                .GET()
                .build());
    assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
    assertThat(served.body()).doesNotContain(PERSONAL_DATA).contains(ENCRYPTED_ENCODING);

    try (TemporalUiPage ui =
        TemporalUiPage.open(TemporalUiPage.chromium().value().orElseThrow(), URI.create(temporal.uiUrl()), "default")) {
      TemporalUiPage.Detail page =
          ui.workflowShowing(
              flowId, "joe@example.com", java.nio.file.Path.of("target", "temporal-ui", "workflow-input-decoded.png"));
      assertThat(page.url().getPath()).startsWith("/namespaces/default/workflows/" + flowId + "/");
      assertThat(page.input()).contains("\"merchantReference\": \"e2e-ui-codec\"", "\"email\": \"joe@example.com\"");
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private static String checkout(String merchantReference) {
    return """
        {
          "merchantReference": "REFERENCE",
          "totalAmount": {"amount": "21.85", "currency": "USD"},
          "consumer": {"phoneNumber": "2120000000", "givenNames": "Joe", "surname": "Consumer", "email": "joe@example.com"},
          "billing": {"name": "Joe Consumer", "line1": "75 Queen St", "state": "NY", "postcode": "10001", "countryCode": "US"},
          "shipping": {"name": "Joe Consumer", "line1": "75 Queen St", "state": "NY", "postcode": "10001", "countryCode": "US"},
          "items": [{"name": "widget", "sku": "12341234", "quantity": 1, "price": {"amount": "10.00", "currency": "USD"}}],
          "discounts": [{"displayName": "10% Off Subtotal", "amount": {"amount": "1.00", "currency": "USD"}}],
          "taxAmount": {"amount": "2.85", "currency": "USD"},
          "shippingAmount": {"amount": "10.00", "currency": "USD"},
          "merchant": {"redirectConfirmUrl": "https://merchant.example/confirm", "redirectCancelUrl": "https://merchant.example/cancel"}
        }
        """.replace("REFERENCE", merchantReference);
  }

  private static JsonNode flow(String flowId) throws Exception {
    return JSON.readTree(flowBody(flowId));
  }

  private static String flowBody(String flowId) throws Exception {
    HttpResponse<String> status = send(get(api("/v1/flows/" + flowId)));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return status.body();
  }

  private static List<JsonNode> ledger(String reference, String type) throws Exception {
    HttpResponse<String> response = send(get(sandbox("/sandbox/ledger?provider=afterpay&reference=" + reference)));
    List<JsonNode> entries = new ArrayList<>();
    JSON.readTree(response.body()).forEach(entry -> {
      if (type.equals(entry.get("type").asText())) {
        entries.add(entry);
      }
    });
    return entries;
  }

  private static BigDecimal amount(JsonNode money) {
    return new BigDecimal(money.get("amount").asText());
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static URI api(String path) {
    return URI.create("http://localhost:" + apiPort + path);
  }

  private static URI sandbox(String path) {
    return URI.create("http://localhost:" + sandboxPort + path);
  }

  private static HttpRequest get(URI uri) {
    return asDemoMerchant(uri).GET().build();
  }

  private static HttpRequest post(URI uri, String json) {
    HttpRequest.Builder request = asDemoMerchant(uri);
    if (json == null) {
      return request.POST(HttpRequest.BodyPublishers.noBody()).build();
    }
    return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private static HttpRequest put(URI uri, String json) {
    return asDemoMerchant(uri)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** The sandbox ignores the key; the API needs it on merchant endpoints. */
  private static HttpRequest.Builder asDemoMerchant(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + TestMerchants.DEMO_KEY);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
