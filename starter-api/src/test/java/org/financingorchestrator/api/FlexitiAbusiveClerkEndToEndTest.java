package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.Parallel;
import org.financingorchestrator.api.stack.RawHistory;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, abusive inputs at volume, for Flexiti: it has no browser callbacks, so the callers are
 * the clerk's inputs (the code, the customer's answer) and returns. Repeated, wrong past the
 * attempts, late (after the end, after expiry), out of order, another merchant's flow, racing
 * each other and racing the expiry, and returns racing past the purchase: each gets a clear
 * answer, the flow's status and Flexiti's ledger stay coherent, and refused inputs write nothing
 * to the flow's history. The stack's waits are short so that expiry can be raced.
 */
@RequiresLocalTools("temporal")
class FlexitiAbusiveClerkEndToEndTest {

  private static final String JOHN_VCC = "6374980100408234";
  private static final String SENT_CODE = "246810";
  private static final Duration WAIT = Duration.ofSeconds(8);
  /** shopb of the test profile (TestMerchants.B_KEY), added to the local profile's demo merchant. */
  private static final String SHOPB_KEY_HASH = "bf7f64826b0f3db8309404f2dae3baa4d5083195875474c99d79a45143e3c11d";

  private static InProcessStack stack;
  private static Http demo;
  private static Http shopb;
  private static Http sandbox;

  @BeforeAll
  static void startTheStack() {
    stack = InProcessStack.start("flexiti-abusive-clerk",
        "--flows.flexiti.verification-wait=" + WAIT, "--flows.flexiti.confirmation-wait=" + WAIT,
        "--merchants.shopb.key-hashes[0]=" + SHOPB_KEY_HASH, "--merchants.shopb.redirect-hosts[0]=shop.example");
    demo = new Http(stack.apiPort(), Duration.ofMinutes(2)).withKey(TestMerchants.DEMO_KEY);
    shopb = demo.withKey(TestMerchants.B_KEY);
    sandbox = new Http(stack.sandboxPort(), Duration.ofMinutes(1)).withKey(null);
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void repeatedOutOfOrderForeignAndLateInputsWriteNothingAndARaceIsTakenOnce() throws Exception {
    String flowId = awaitingCode("abuse-1", "100.00");
    try (RawHistory server = RawHistory.connect(stack.temporal().target())) {
      List<String> events = server.eventTypes(flowId);
      // Out of order (an answer to terms not shown yet), another merchant's flow, a forged code: refused, nothing written.
      assertThat(Parallel.calls(20, 5, i -> confirmation(demo, flowId, "accept"))).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
      assertThat(server.eventTypes(flowId)).isEqualTo(events);
      assertThat(Parallel.calls(20, 5, i -> code(shopb, flowId, SENT_CODE))).allSatisfy(r -> assertThat(r.status()).isEqualTo(404));
      assertThat(Parallel.calls(20, 5, i -> shopb.get("/v1/flows/" + flowId))).allSatisfy(r -> assertThat(r.status()).isEqualTo(404));
      Http.Reply forged = code(demo, flowId, "12ab");
      assertThat(forged.status()).isEqualTo(400);
      assertThat(forged.body()).contains("code");
      assertThat(server.eventTypes(flowId)).isEqualTo(events);
      assertThat(state(flowId)).isEqualTo("AWAITING_VERIFICATION");

      // Forty codes at once: the flow takes one; the others attach to it and get its answer, or come after and are refused.
      List<Http.Reply> codes = Parallel.calls(40, 10, i -> code(demo, flowId, SENT_CODE));
      assertThat(codes).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
      assertThat(codes).filteredOn(r -> r.status() == 200).isNotEmpty()
          .allSatisfy(r -> assertThat(r.json().path("state").asString()).isEqualTo("AWAITING_SHOPPER"));
      assertThat(steps(flowId, "verification_code_entered")).isEqualTo(1);
      assertThat(added(server.eventTypes(flowId), events, "WORKFLOW_EXECUTION_UPDATE_ACCEPTED")).isEqualTo(1);
      String transactionId = status(flowId).path("providerIds").path("transactionId").asString();
      assertThat(ledger(transactionId, "transaction_created")).isEqualTo(1);

      // Accepts and refusals at once: the first decides, and every answer is the flow's one outcome.
      String ended = oneDecision(server, flowId, i -> confirmation(demo, flowId, i % 2 == 0 ? "accept" : "refuse"), "POSTED", "CANCELLED");
      assertThat(ledger(transactionId, "transaction_posted")).isEqualTo(ended.equals("POSTED") ? 1 : 0);

      // After the end, a hundred more of everything: refused, nothing written, nothing posted.
      List<String> endedEvents = server.eventTypes(flowId);
      List<Http.Reply> late = Parallel.calls(100, 10, i -> switch (i % 3) {
        case 0 -> code(demo, flowId, SENT_CODE);
        case 1 -> confirmation(demo, flowId, "accept");
        default -> confirmation(demo, flowId, "refuse");
      });
      assertThat(late).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(409));
      assertThat(server.eventTypes(flowId)).isEqualTo(endedEvents);
      assertThat(state(flowId)).isEqualTo(ended);
      assertThat(ledger(transactionId, "transaction_posted")).isEqualTo(ended.equals("POSTED") ? 1 : 0);
    }
  }

  @Test
  void wrongCodesAtOnceUseTheThreeAttemptsThenAreRefusedAndNothingIsPosted() throws Exception {
    String flowId = awaitingCode("abuse-2", "100.00");
    List<Http.Reply> wrong = Parallel.calls(30, 6, i -> code(demo, flowId, "13579" + (i % 10)));

    assertThat(wrong).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
    // Codes sent for the same attempt share its answer: two attempts left, one, then declined.
    assertThat(wrong).filteredOn(r -> r.status() == 200).extracting(r -> r.json().path("state").asString())
        .containsOnly("AWAITING_VERIFICATION", "DECLINED");
    assertThat(state(flowId)).isEqualTo("DECLINED");
    assertThat(steps(flowId, "verification_code_entered")).isEqualTo(3);
    assertThat(status(flowId).path("providerIds").has("transactionId")).isFalse();
    try (RawHistory server = RawHistory.connect(stack.temporal().target())) {
      List<String> events = server.eventTypes(flowId);
      assertThat(Parallel.calls(30, 6, i -> code(demo, flowId, SENT_CODE))).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
      assertThat(server.eventTypes(flowId)).isEqualTo(events);
    }
  }

  /**
   * The code sent at the instant the verification wait runs out, then the customer's answer at
   * the instant the terms' wait runs out, over several purchases at offsets around that instant:
   * each is either taken (the purchase goes on) or refused because the wait ran out (EXPIRED),
   * never both; what the clerk was answered is what the flow and the ledger show.
   */
  @Test
  void aCodeOrAnAnswerRacingTheExpiryEitherGoesOnOrExpiresNeverBoth() throws Exception {
    List<Race> races = raceTheExpiry(10);

    for (Race race : races) {
      String afterCode = race.code().status() == 200 ? race.code().json().path("state").asString() : "refused";
      String state = settled(race.flowId(), "AWAITING_VERIFICATION");
      if (race.decision() == null) {
        // The code came too late (refused), or was taken as the wait ran out (answered EXPIRED): nothing posted.
        assertThat(afterCode).as(race.flowId()).isIn("refused", "EXPIRED");
        assertThat(state).as(race.flowId()).isEqualTo("EXPIRED");
        assertThat(status(race.flowId()).path("providerIds").has("transactionId")).as(race.flowId()).isFalse();
        continue;
      }
      String ended = settled(race.flowId(), "AWAITING_SHOPPER");
      String transactionId = status(race.flowId()).path("providerIds").path("transactionId").asString();
      assertThat(ledger(transactionId, "transaction_created")).as(race.flowId()).isEqualTo(1);
      if (race.decision().status() == 200) {
        assertThat(race.decision().json().path("state").asString()).as(race.flowId()).isEqualTo(ended).isIn("POSTED", "EXPIRED");
      } else {
        assertThat(race.decision().status()).as(race.decision().body()).isEqualTo(409);
        assertThat(ended).as(race.flowId()).isEqualTo("EXPIRED");
      }
      assertThat(ledger(transactionId, "transaction_posted")).as(race.flowId()).isEqualTo(ended.equals("POSTED") ? 1 : 0);
      // Late: after the end or the expiry, refused.
      assertThat(confirmation(demo, race.flowId(), "accept").status()).isEqualTo(409);
    }
  }

  @Test
  void returnsRacingPastThePurchaseAreMadeUpToItsAmountAndARepeatedReturnOnce() throws Exception {
    String flowId = awaitingCode("abuse-3", "100.00");
    String transactionId = code(demo, flowId, SENT_CODE).json().path("transactionId").asString();
    assertThat(confirmation(demo, flowId, "accept").json().path("state").asString()).isEqualTo("POSTED");

    // Twenty returns of 30.00 at once against 100.00: three are made, every other one is refused.
    List<Http.Reply> returns = Parallel.calls(20, 20, i -> returnOf("e2e-race-return-" + i, transactionId, "30.00"));
    assertThat(returns).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
    assertThat(returns).extracting(r -> r.json().path("state").asString()).filteredOn("REFUNDED"::equals).hasSize(3);
    assertThat(returns).extracting(r -> r.json().path("state").asString()).filteredOn("FAILED"::equals).hasSize(17);
    assertThat(ledger(transactionId, "return_posted")).isEqualTo(3);

    // The same return sent ten times at once: one flow, one return.
    List<Http.Reply> repeated = Parallel.calls(10, 10, i -> returnOf("e2e-repeated-return", transactionId, "10.00"));
    assertThat(repeated).allSatisfy(r -> assertThat(r.json().path("flowId").asString()).isEqualTo("flexiti-demo-e2e-repeated-return"));
    assertThat(repeated).extracting(r -> r.json().path("state").asString()).containsOnly("REFUNDED");
    assertThat(ledger(transactionId, "return_posted")).isEqualTo(4);
    // Another merchant cannot see it.
    assertThat(shopb.get("/v1/flows/flexiti-demo-e2e-repeated-return").status()).isEqualTo(404);
  }

  /**
   * A return's answer lost after Flexiti made it (a 503, a dropped connection) is settled by the
   * purchase's balance, never posted again; one refused before it was made is sent again.
   */
  @Test
  void aReturnWhoseAnswerIsLostIsMadeOnceAndOneNotMadeIsSentAgain() {
    String flowId = awaitingCode("abuse-4", "100.00");
    String transactionId = code(demo, flowId, SENT_CODE).json().path("transactionId").asString();
    assertThat(confirmation(demo, flowId, "accept").json().path("state").asString()).isEqualTo("POSTED");

    armOnTheReturn(Map.of("status", 503, "afterEffect", true));
    assertThat(returnOf("e2e-lost-return-1", transactionId, "20.00").json().path("state").asString()).isEqualTo("REFUNDED");
    assertThat(ledger(transactionId, "return_posted")).isEqualTo(1);
    armOnTheReturn(Map.of("answer", "dropped", "afterEffect", true));
    assertThat(returnOf("e2e-lost-return-2", transactionId, "30.00").json().path("state").asString()).isEqualTo("REFUNDED");
    assertThat(ledger(transactionId, "return_posted")).isEqualTo(2);
    armOnTheReturn(Map.of("status", 503));
    Http.Reply sentAgain = returnOf("e2e-lost-return-3", transactionId, "10.00");
    assertThat(sentAgain.json().path("state").asString()).as(sentAgain.body()).isEqualTo("REFUNDED");
    assertThat(ledger(transactionId, "return_posted")).isEqualTo(3);
    assertThat(steps("flexiti-demo-e2e-lost-return-3", "return_not_made")).isEqualTo(1);
  }

  private static void armOnTheReturn(Map<String, Object> fault) {
    Map<String, Object> rule = new java.util.HashMap<>(fault);
    rule.putAll(Map.of("provider", "flexiti", "operation", "post_transaction", "count", 1));
    assertThat(sandbox.post("/sandbox/faults", rule).status()).isEqualTo(201);
  }

  @Test
  void aQuebecApplicantsAnswersAtOnceAreOneDecisionAndLateOnesWriteNothing() throws Exception {
    Map<String, Object> application = org.financingorchestrator.api.flexiti.FlexitiApplications.quebec("e2e-abuse-app");
    Http.Reply applied = demo.post("/v1/flexiti/applications", application);
    assertThat(applied.json().path("state").asString()).as(applied.body()).isEqualTo("AWAITING_SHOPPER");
    String flowId = applied.json().path("flowId").asString();
    String accountNumber = applied.json().path("account").path("accountNumber").asString();

    try (RawHistory server = RawHistory.connect(stack.temporal().target())) {
      String ended = oneDecision(server, flowId, i -> applicantDecision(flowId, i % 2 == 0 ? "accept" : "cancel"), "APPROVED", "CANCELLED");
      assertThat(ledger(accountNumber, "account_closed")).isEqualTo(ended.equals("CANCELLED") ? 1 : 0);

      List<String> endedEvents = server.eventTypes(flowId);
      assertThat(Parallel.calls(60, 10, i -> applicantDecision(flowId, i % 2 == 0 ? "accept" : "cancel")))
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
      assertThat(server.eventTypes(flowId)).isEqualTo(endedEvents);
      assertThat(ledger(accountNumber, "account_closed")).isEqualTo(ended.equals("CANCELLED") ? 1 : 0);
    }
  }

  // --- the till ----------------------------------------------------------------------------------

  private static String awaitingCode(String reference, String amount) {
    Http.Reply started = start("e2e-" + reference, amount);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    assertThat(started.json().path("state").asString()).isEqualTo("AWAITING_VERIFICATION");
    return started.json().path("flowId").asString();
  }

  private static Http.Reply start(String reference, String amount) {
    return demo.post("/v1/flexiti/purchases", Map.of(
        "merchantReference", reference, "amount", Map.of("amount", amount, "currency", "CAD"),
        "customer", Map.of("vccNumber", JOHN_VCC), "verification", Map.of("format", "sms")));
  }

  private static Http.Reply code(Http merchant, String flowId, String code) {
    return merchant.post("/v1/flows/" + flowId + "/verification-code", Map.of("code", code));
  }

  private static Http.Reply confirmation(Http merchant, String flowId, String decision) {
    return merchant.post("/v1/flows/" + flowId + "/customer-confirmation", Map.of("decision", decision));
  }

  private static Http.Reply applicantDecision(String flowId, String decision) {
    return demo.post("/v1/flows/" + flowId + "/applicant-decision", Map.of("decision", decision));
  }

  private static Http.Reply returnOf(String reference, String transactionId, String amount) {
    return demo.post("/v1/flexiti/returns", Map.of(
        "merchantReference", reference, "customer", Map.of("vccNumber", JOHN_VCC), "transactionId", transactionId,
        "amount", Map.of("amount", amount, "currency", "CAD")));
  }

  private static JsonNode status(String flowId) {
    Http.Reply reply = demo.get("/v1/flows/" + flowId);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static String state(String flowId) {
    return status(flowId).path("state").asString();
  }

  /** The state once the flow has left {@code waiting} (the wait ran out, or the input was taken). */
  private static String settled(String flowId, String waiting) {
    await().atMost(WAIT.multipliedBy(3)).until(() -> !state(flowId).equals(waiting));
    return state(flowId);
  }

  private static long steps(String flowId, String name) {
    List<String> names = new ArrayList<>();
    status(flowId).path("steps").forEach(step -> names.add(step.path("name").asString()));
    return names.stream().filter(name::equals).count();
  }

  /**
   * Forty answers at once, half one way, half the other: one Update is taken, every answer that
   * is not refused is its outcome, which is one of {@code ends}. Answers that outcome.
   */
  private static String oneDecision(RawHistory server, String flowId, Parallel.IndexedCall<Http.Reply> answer, String... ends) throws Exception {
    List<String> before = server.eventTypes(flowId);
    List<Http.Reply> answers = Parallel.calls(40, 10, answer);
    assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
    String ended = state(flowId);
    assertThat(ended).isIn((Object[]) ends);
    assertThat(answers).filteredOn(r -> r.status() == 200).isNotEmpty()
        .allSatisfy(r -> assertThat(r.json().path("state").asString()).isEqualTo(ended));
    assertThat(added(server.eventTypes(flowId), before, "WORKFLOW_EXECUTION_UPDATE_ACCEPTED")).isEqualTo(1);
    return ended;
  }

  /** How many events of {@code type} the history gained since {@code before}. */
  private static long added(List<String> after, List<String> before, String type) {
    assertThat(after.subList(0, before.size())).isEqualTo(before);
    return after.subList(before.size(), after.size()).stream().filter(type::equals).count();
  }

  private static int ledger(String reference, String type) {
    int count = 0;
    for (JsonNode entry : sandbox.get("/sandbox/ledger?provider=flexiti&reference=" + reference).json()) {
      count += type.equals(entry.path("type").asString()) ? 1 : 0;
    }
    return count;
  }

  // --- volume and timing ------------------------------------------------------------------------

  /** A purchase's code, and the customer's answer when the code was taken (null otherwise). */
  private record Race(String flowId, Http.Reply code, Http.Reply decision) {}

  /**
   * {@code count} purchases; each one's code is sent at the instant its verification wait runs
   * out and, when taken, its customer's answer at the instant the terms' wait runs out, give or
   * take half a second: each purchase at its own offset, so that some land before, some after.
   */
  private static List<Race> raceTheExpiry(int count) {
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      List<CompletableFuture<Race>> races = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String flowId = awaitingCode("race-" + i, "10.00");
        long atTheExpiry = WAIT.toMillis() - 500 + (1000L * i) / Math.max(1, count - 1);
        Executor expiring = CompletableFuture.delayedExecutor(atTheExpiry, TimeUnit.MILLISECONDS, pool);
        races.add(CompletableFuture.supplyAsync(() -> code(demo, flowId, SENT_CODE), expiring).thenCompose(code ->
            code.status() == 200 && "AWAITING_SHOPPER".equals(code.json().path("state").asString())
                ? CompletableFuture.supplyAsync(() -> new Race(flowId, code, confirmation(demo, flowId, "accept")),
                    CompletableFuture.delayedExecutor(atTheExpiry, TimeUnit.MILLISECONDS, pool))
                : CompletableFuture.completedFuture(new Race(flowId, code, null))));
      }
      return races.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }
}
