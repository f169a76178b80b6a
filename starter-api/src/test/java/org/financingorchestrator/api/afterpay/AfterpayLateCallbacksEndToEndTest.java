package org.financingorchestrator.api.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.Parallel;
import org.financingorchestrator.api.stack.RawHistory;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.financingorchestrator.api.stack.StackHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, abusive callbacks that come late, on the real dev server: after the order expired,
 * after the flow ended, and at the very instant the order expires. Afterpay's orders live
 * {@link #ORDER_TTL} here, so expiry happens within the test.
 */
@RequiresLocalTools("temporal")
class AfterpayLateCallbacksEndToEndTest {

  private static final Duration ORDER_TTL = Duration.ofSeconds(12);
  private static final String CONFIRM_PAGE = "https://merchant.example/confirm?flowId=";
  private static final String CANCEL_PAGE = "https://merchant.example/cancel?flowId=";

  private static InProcessStack stack;
  private static CallbackSignatures signatures;

  @BeforeAll
  static void startTheStack() {
    stack =
        InProcessStack.start(
            "afterpay-late-callbacks",
            List.of("--sandbox.afterpay.order-ttl=" + ORDER_TTL),
            "--merchants.demo.redirect-hosts=merchant.example");
    signatures = stack.api().getBean(CallbackSignatures.class);
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void callbacksAfterExpiryOrAfterTheEndAreSentToTheCancelPageAndWriteNothing() throws Exception {
    JsonNode expired = create("late-expired");
    JsonNode cancelled = create("late-cancelled");
    String cancelledFlow = cancelled.path("flowId").asString();
    HttpResponse<String> cancelledAtAfterpay = StackHttp.post(sandbox("/afterpay/checkout/" + cancelled.path("token").asString() + "/cancel"), null);
    assertThat(StackHttp.get(URI.create(StackHttp.location(cancelledAtAfterpay))).statusCode()).isEqualTo(303);
    String expiredFlow = expired.path("flowId").asString();
    awaitState(expiredFlow, "EXPIRED");
    awaitState(cancelledFlow, "CANCELLED");

    try (RawHistory server = RawHistory.connect(stack.temporal().target())) {
      List<Integer> expiredEvents = server.runLengths(expiredFlow);
      List<Integer> cancelledEvents = server.runLengths(cancelledFlow);
      // A hundred late returns each, success and cancel alike, eight at a time.
      for (JsonNode flow : List.of(expired, cancelled)) {
        String flowId = flow.path("flowId").asString();
        List<HttpResponse<String>> answers =
            Parallel.calls(100, 8, i -> StackHttp.get(callback(flowId, flow.path("token").asString(), i % 2 == 0 ? "confirm" : "cancel")));
        assertThat(answers).allSatisfy(answer -> {
          assertThat(answer.statusCode()).isEqualTo(303);
          assertThat(StackHttp.location(answer)).startsWith(CANCEL_PAGE + flowId);
        });
      }
      // A refund of a flow that took no payment: refused, twenty times over, writing nothing.
      List<HttpResponse<String>> refunds =
          Parallel.calls(20, 8, i -> StackHttp.post(api("/v1/flows/" + expiredFlow + "/refunds"), "{\"amount\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"merchantReference\":\"LATE-" + i + "\"}"));
      assertThat(refunds).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409));

      assertThat(server.runLengths(expiredFlow)).isEqualTo(expiredEvents);
      assertThat(server.runLengths(cancelledFlow)).isEqualTo(cancelledEvents);
    }
    assertThat(state(expiredFlow)).isEqualTo("EXPIRED");
    assertThat(state(cancelledFlow)).isEqualTo("CANCELLED");
    assertThat(captures(expired.path("token").asString())).isZero();
    assertThat(captures(cancelled.path("token").asString())).isZero();
  }

  /**
   * The shopper approved, and the browser's return reaches us right around the instant the order
   * expires: from 300 ms before to 250 ms after, one flow every 50 ms. Each flow ends one way or
   * the other, never both: captured once and sent to the confirm page, or expired with nothing
   * captured and sent to the cancel page.
   */
  @Test
  void aReturnAtTheInstantTheOrderExpiresEndsEitherCapturedOnceOrExpiredNeverBoth() throws Exception {
    int flows = 12;
    List<JsonNode> created = new ArrayList<>();
    List<URI> returns = new ArrayList<>();
    for (int i = 0; i < flows; i++) {
      JsonNode checkout = create("instant-" + i);
      created.add(checkout);
      HttpResponse<String> approved = StackHttp.post(sandbox("/afterpay/checkout/" + checkout.path("token").asString() + "/approve"), null);
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
      returns.add(URI.create(StackHttp.location(approved)));
    }
    ScheduledExecutorService browsers = Executors.newScheduledThreadPool(flows);
    try {
      List<Future<HttpResponse<String>>> landings = new ArrayList<>();
      for (int i = 0; i < flows; i++) {
        Instant expires = Instant.parse(created.get(i).path("expires").asString());
        Instant at = expires.plusMillis(-300 + 50L * i);
        URI callback = returns.get(i);
        landings.add(browsers.schedule(() -> StackHttp.get(callback), Duration.between(Instant.now(), at).toMillis(), TimeUnit.MILLISECONDS));
      }
      int capturedFlows = 0;
      for (int i = 0; i < flows; i++) {
        String flowId = created.get(i).path("flowId").asString();
        HttpResponse<String> landing = landings.get(i).get();
        assertThat(landing.statusCode()).isEqualTo(303);
        awaitSettled(flowId);
        String state = state(flowId);
        long captures = captures(created.get(i).path("token").asString());
        if (state.equals("CAPTURED")) {
          capturedFlows++;
          assertThat(captures).as(flowId).isEqualTo(1);
          assertThat(StackHttp.location(landing)).isEqualTo(CONFIRM_PAGE + flowId + "&status=CAPTURED");
        } else {
          assertThat(state).as(flowId).isIn("EXPIRED", "DECLINED");
          assertThat(captures).as(flowId).isZero();
          assertThat(StackHttp.location(landing)).startsWith(CANCEL_PAGE + flowId);
        }
      }
      System.out.println("Returns at the expiry instant: " + capturedFlows + " of " + flows + " captured, the rest expired");
    } finally {
      browsers.shutdownNow();
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private static JsonNode create(String merchantReference) throws Exception {
    HttpResponse<String> created = StackHttp.post(api(Checkouts.PATH), Http.JSON.writeValueAsString(checkout(merchantReference)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.JSON.readTree(created.body());
  }

  private static JsonNode checkout(String merchantReference) {
    var body = Checkouts.body(merchantReference);
    body.putObject("merchant")
        .put("redirectConfirmUrl", "https://merchant.example/confirm")
        .put("redirectCancelUrl", "https://merchant.example/cancel");
    return body;
  }

  private static URI callback(String flowId, String token, String action) {
    String status = action.equals("confirm") ? "SUCCESS" : "CANCELLED";
    return api("/v1/callbacks/afterpay/" + flowId + "/" + action + "?orderToken=" + token + "&status=" + status + "&sig=" + signatures.sign(flowId));
  }

  private static String state(String flowId) throws Exception {
    HttpResponse<String> status = StackHttp.get(api("/v1/flows/" + flowId));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return Http.JSON.readTree(status.body()).path("state").asString();
  }

  private static void awaitState(String flowId, String state) {
    Awaitility.await(flowId + " " + state).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> state(flowId).equals(state));
  }

  /** Until the flow no longer waits for the shopper or captures. */
  private static void awaitSettled(String flowId) {
    Awaitility.await(flowId + " settled")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> List.of("CAPTURED", "EXPIRED", "DECLINED").contains(state(flowId)));
  }

  private static long captures(String token) throws Exception {
    HttpResponse<String> ledger = StackHttp.get(sandbox("/sandbox/ledger?provider=afterpay&reference=" + token));
    List<JsonNode> entries = new ArrayList<>();
    Http.JSON.readTree(ledger.body()).forEach(entries::add);
    return entries.stream().filter(e -> e.path("type").asString().equals("PAYMENT_CAPTURED")).count();
  }


  private static URI api(String path) {
    return URI.create("http://localhost:" + stack.apiPort() + path);
  }

  private static URI sandbox(String path) {
    return URI.create("http://localhost:" + stack.sandboxPort() + path);
  }
}
