package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.Parallel;
import org.financingorchestrator.api.stack.RacingRefunds;
import org.financingorchestrator.api.stack.RawHistory;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Affirm checkout through the whole stack: the real Temporal dev server, the sandbox playing
 * Affirm (Affirm.js's checkout, the shopper's page, the charges API), the worker with its real
 * Feign client, and starter-api, driven over HTTP as the merchant, the shopper's browser and
 * Affirm would.
 */
@RequiresLocalTools("temporal")
class AffirmCheckoutEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  /** Every other test confirms within it at once; the expiry tests wait it out. */
  private static final Duration SHOPPER_WINDOW = Duration.ofSeconds(15);

  private static InProcessStack stack;
  /** The API's own signer: what a leaked callback URL would carry. */
  private static CallbackSignatures signatures;
  private static int apiPort;
  private static int sandboxPort;

  @BeforeAll
  static void startTheStack() {
    stack =
        InProcessStack.start(
            "affirm-end-to-end",
            // This test's merchant pages (the demo's own are shop.example and localhost).
            "--merchants.demo.redirect-hosts=merchant.example",
            "--codec-server.token=affirm-e2e",
            // Short, so that a checkout nobody confirms expires within a test and its instant can be hit.
            "--flows.affirm.shopper-window=" + SHOPPER_WINDOW);
    apiPort = stack.apiPort();
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
  void anAffirmCheckoutIsAuthorizedCapturedPartlyRefundedAndUpdated() throws Exception {
    String body = checkout("e2e-2001");
    HttpResponse<String> created = send(post(api("/v1/affirm/checkouts"), body));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String flowId = JSON.readTree(created.body()).get("flowId").asText();
    assertThat(flowId).isEqualTo("affirm-demo-e2e-2001");
    JsonNode checkout = JSON.readTree(created.body()).get("checkout");
    assertThat(JSON.readTree(send(post(api("/v1/affirm/checkouts"), body)).body()).get("flowId").asText()).isEqualTo(flowId);

    // The merchant's page hands the checkout object to Affirm.js; the shopper confirms at Affirm,
    // whose page posts checkout_token to our confirmation URL.
    String checkoutId = openAtAffirm(checkout);
    HttpResponse<String> form = send(post(sandbox("/affirm/checkout/" + checkoutId + "/confirm"), null));
    String confirmationUrl = checkout.at("/merchant/user_confirmation_url").asText();
    assertThat(form.body()).contains("action=\"" + confirmationUrl + "\"").contains("name=\"checkout_token\"");
    String token = form.body().replaceAll("(?s).*name=\"checkout_token\" value=\"([^\"]+)\".*", "$1");

    HttpResponse<String> landing = send(postForm(URI.create(confirmationUrl), "checkout_token=" + token));
    assertThat(landing.statusCode()).as(landing.body()).isEqualTo(303);
    assertThat(location(landing)).isEqualTo("https://merchant.example/confirm?flowId=" + flowId + "&status=AUTHORIZED");
    assertThat(location(send(postForm(URI.create(confirmationUrl), "checkout_token=" + token)))).isEqualTo(location(landing));

    JsonNode authorized = flow(flowId);
    assertThat(authorized.get("state").asText()).isEqualTo("AUTHORIZED");
    String chargeId = authorized.get("providerIds").get("chargeId").asText();
    assertThat(ledger(chargeId, "CHARGE_AUTHORIZED")).hasSize(1);

    HttpResponse<String> captured =
        send(post(api("/v1/flows/" + flowId + "/capture"), "{\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"},\"shippingCarrier\":\"USPS\"}"));
    assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
    assertThat(JSON.readTree(captured.body()).get("state").asText()).isEqualTo("CAPTURED");
    List<JsonNode> captures = ledger(chargeId, "CHARGE_CAPTURED");
    assertThat(captures).hasSize(1);
    assertThat(captures.get(0).get("amount").asText()).isEqualTo("50.00");
    assertThat(captures.get(0).get("requestId").asText()).isNotBlank();
    assertThat(send(post(api("/v1/flows/" + flowId + "/void"), null)).statusCode()).isEqualTo(409);

    String refund = "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"USD\"},\"merchantReference\":\"RF-1\"}";
    HttpResponse<String> refunded = send(post(api("/v1/flows/" + flowId + "/refunds"), refund));
    assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
    assertThat(send(post(api("/v1/flows/" + flowId + "/refunds"), refund)).statusCode()).isEqualTo(201);
    List<JsonNode> refunds = ledger(chargeId, "CHARGE_REFUNDED");
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).get("requestId").asText()).isEqualTo(JSON.readTree(refunded.body()).get("requestId").asText());
    HttpResponse<String> tooMuch =
        send(post(api("/v1/flows/" + flowId + "/refunds"), "{\"amount\":{\"amount\":\"45.01\",\"currency\":\"USD\"},\"merchantReference\":\"RF-2\"}"));
    assertThat(tooMuch.statusCode()).isBetween(400, 499);

    assertThat(send(post(api("/v1/flows/" + flowId + "/update"), "{\"shippingConfirmation\":\"1Z999\"}")).statusCode()).isEqualTo(200);
    assertThat(ledger(chargeId, "CHARGE_UPDATED")).hasSize(1);

    JsonNode after = flow(flowId);
    assertThat(after.get("state").asText()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(new BigDecimal(after.get("capturedAmount").get("amount").asText())).isEqualByComparingTo("50.00");
    assertThat(new BigDecimal(after.get("refundedAmount").get("amount").asText())).isEqualByComparingTo("5.00");
    assertThat(after.toString()).doesNotContain(token, "John Doe", "325 Pacific Ave");
  }

  @Test
  void anAuthorizedAmountOtherThanTheTotalIsVoidedAndTheShopperSentBack() throws Exception {
    JsonNode started = start("e2e-2002");
    String flowId = started.get("flowId").asText();
    Confirmation confirmed = confirmAtAffirm(started.get("checkout"), "?authorizeAmount=5900");
    HttpResponse<String> landing = returnWith(confirmed.url(), confirmed.token());

    assertThat(location(landing))
        .startsWith("https://merchant.example/cancel?flowId=" + flowId + "&status=FAILED&reason=amount_mismatch");
    JsonNode failed = flow(flowId);
    assertThat(failed.get("failure").get("code").asText()).isEqualTo("amount_mismatch");
    assertThat(ledger(failed.get("providerIds").get("chargeId").asText(), "CHARGE_VOIDED")).hasSize(1);
  }

  @Test
  void theShopperCancelsAtAffirm() throws Exception {
    HttpResponse<String> created = send(post(api("/v1/affirm/checkouts"), checkout("e2e-2003")));
    JsonNode checkout = JSON.readTree(created.body()).get("checkout");
    String flowId = JSON.readTree(created.body()).get("flowId").asText();

    HttpResponse<String> cancelled = send(post(sandbox("/affirm/checkout/" + openAtAffirm(checkout) + "/cancel"), null));
    HttpResponse<String> landing = send(HttpRequest.newBuilder(URI.create(location(cancelled))).GET().build());

    assertThat(location(landing)).isEqualTo("https://merchant.example/cancel?flowId=" + flowId + "&status=CANCELLED&reason=shopper_cancelled");
    assertThat(flow(flowId).get("state").asText()).isEqualTo("CANCELLED");
  }

  /**
   * Issue 12, abusive callbacks at volume: repeats of the confirmation, cancels after it, another
   * checkout's token and forged or foreign signatures, several at a time. Each gets a clear answer
   * (the flow's one decision, or 400 naming sig), the flows' states and Affirm's ledger stay as
   * they were, and none of it writes to either flow's history.
   */
  @Test
  void abusedConfirmationCallbacksAtVolumeGetClearAnswersAndWriteNothing() throws Exception {
    JsonNode flowA = start("e2e-abuse");
    String flowId = flowA.get("flowId").asText();
    Confirmation mine = confirmAtAffirm(flowA.get("checkout"), "");
    String confirmPage = "https://merchant.example/confirm?flowId=" + flowId + "&status=AUTHORIZED";
    // Twenty copies of the first return at once (a browser's retries, a double click): one authorization.
    assertThat(Parallel.calls(20, 20, i -> location(returnWith(mine.url(), mine.token())))).containsOnly(confirmPage);
    // Another checkout, confirmed at Affirm, its browser not back yet: its token is at hand.
    JsonNode flowB = start("e2e-abuse-other");
    String otherId = flowB.get("flowId").asText();
    Confirmation theirs = confirmAtAffirm(flowB.get("checkout"), "");
    String cancelUrl = flowA.get("checkout").at("/merchant/user_cancel_url").asText();

    try (RawHistory server = RawHistory.connect(stack.temporal().target())) {
      List<Integer> before = List.of(server.runLengths(flowId).get(0), server.runLengths(otherId).get(0));

      List<String> repeats = Parallel.calls(200, 8, i -> location(returnWith(mine.url(), mine.token())));
      List<String> cancelsAfterConfirm = Parallel.calls(100, 8, i -> location(send(HttpRequest.newBuilder(URI.create(cancelUrl)).GET().build())));
      // The decided flow answers from its state: the other checkout's token is neither used nor spent.
      List<String> foreignTokens = Parallel.calls(100, 8, i -> location(returnWith(mine.url(), theirs.token())));
      assertThat(repeats).containsOnly(confirmPage);
      assertThat(cancelsAfterConfirm).containsOnly(confirmPage);
      assertThat(foreignTokens).containsOnly(confirmPage);

      List<String> forged = forgedCallbacks(flowId, otherId);
      List<HttpResponse<String>> refused =
          Parallel.calls(forged.size() * 25, 8, i -> returnWith(forged.get(i % forged.size()), theirs.token()));
      assertThat(refused).allSatisfy(answer -> {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("sig");
      });
      assertThat(send(postForm(URI.create(api("/v1/callbacks/affirm/affirm-demo-e2e-nobody/confirm?sig="
          + signatures.sign("affirm-demo-e2e-nobody")).toString()), "checkout_token=" + theirs.token())).statusCode())
          .isEqualTo(404);

      assertThat(List.of(server.runLengths(flowId).get(0), server.runLengths(otherId).get(0))).isEqualTo(before);
    }
    assertThat(flow(flowId).get("state").asText()).isEqualTo("AUTHORIZED");
    assertThat(flow(otherId).get("state").asText()).isEqualTo("AWAITING_SHOPPER");
    assertThat(ledger("e2e-abuse", "CHARGE_AUTHORIZED")).hasSize(1);
    assertThat(ledger("e2e-abuse-other", "CHARGE_AUTHORIZED")).isEmpty();
    // The other shopper's browser comes back: its token was never spent.
    assertThat(location(returnWith(theirs.url(), theirs.token())))
        .isEqualTo("https://merchant.example/confirm?flowId=" + otherId + "&status=AUTHORIZED");
    assertThat(ledger("e2e-abuse-other", "CHARGE_AUTHORIZED")).hasSize(1);
  }

  /**
   * Bounded while undecided: Affirm takes 3 s to authorize, and meanwhile the browser's return
   * comes a hundred times more, with this checkout's token or another's. Every one lands on the
   * confirm page, Affirm authorizes once, and the flow's history holds one confirmation Update.
   */
  @Test
  void returnsWhileTheFlowAuthorizesAttachToTheFirstAndAddNoUpdate() throws Exception {
    JsonNode started = start("e2e-authorizing");
    String flowId = started.get("flowId").asText();
    Confirmation mine = confirmAtAffirm(started.get("checkout"), "");
    Confirmation theirs = confirmAtAffirm(start("e2e-authorizing-other").get("checkout"), "");
    HttpResponse<String> slow = send(post(sandbox("/sandbox/faults"),
        "{\"provider\":\"affirm\",\"operation\":\"authorize\",\"delayMillis\":3000,\"count\":1}"));
    assertThat(slow.statusCode()).as(slow.body()).isEqualTo(201);

    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
      try {
        return returnWith(mine.url(), mine.token());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> flow(flowId).get("state").asText(), "AUTHORIZING"::equals);
    List<String> meanwhile = Parallel.calls(100, 8, i -> location(returnWith(mine.url(), i % 4 == 0 ? theirs.token() : mine.token())));

    String confirmPage = "https://merchant.example/confirm?flowId=" + flowId + "&status=AUTHORIZED";
    assertThat(location(first.get(2, TimeUnit.MINUTES))).isEqualTo(confirmPage);
    assertThat(meanwhile).containsOnly(confirmPage);
    assertThat(ledger("e2e-authorizing", "CHARGE_AUTHORIZED")).hasSize(1);
    try (RawHistory server = RawHistory.connect(stack.temporal().target())) {
      assertThat(server.acceptedUpdates(flowId)).containsExactly("checkoutOpened", "confirm");
    }
  }

  /** Callback URLs for {@code flowId} that this server did not sign for it. */
  private static List<String> forgedCallbacks(String flowId, String otherId) {
    String confirm = api("/v1/callbacks/affirm/" + flowId + "/confirm").toString();
    String cancel = api("/v1/callbacks/affirm/" + flowId + "/cancel").toString();
    String own = signatures.sign(flowId);
    return List.of(
        confirm,
        confirm + "?sig=",
        confirm + "?sig=" + signatures.sign(otherId),
        confirm + "?sig=" + own.substring(1),
        confirm + "?sig=" + own.toUpperCase(),
        confirm + "?sig=" + signatures.sign("chargeafter-postback", flowId),
        confirm + "?sig=" + "A".repeat(own.length()),
        cancel + "?sig=" + signatures.sign(otherId));
  }

  /**
   * Late: a confirmation arriving after the checkout expired, after the shopper's cancel (out of
   * order), and returns after the flow's end (a voided charge). Answered from the flow's end,
   * nothing authorized, nothing written.
   */
  @Test
  void lateReturnsAfterExpiryAndAfterTheEndAreAnsweredFromTheEnd() throws Exception {
    JsonNode expiring = start("e2e-late-expiry");
    String expiringId = expiring.get("flowId").asText();
    // The shopper confirmed at Affirm, but the browser comes back only after the window.
    Confirmation late = confirmAtAffirm(expiring.get("checkout"), "");

    JsonNode voiding = start("e2e-late-void");
    String voidedId = voiding.get("flowId").asText();
    Confirmation voidingReturn = confirmAtAffirm(voiding.get("checkout"), "");
    String decided = location(returnWith(voidingReturn.url(), voidingReturn.token()));
    assertThat(decided).endsWith("status=AUTHORIZED");
    HttpResponse<String> voided = send(post(api("/v1/flows/" + voidedId + "/void"), null));
    assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
    assertThat(JSON.readTree(voided.body()).get("state").asText()).isEqualTo("VOIDED");

    // Confirmed at Affirm, but the browser went back to the cancel URL first.
    JsonNode cancelling = start("e2e-late-cancel");
    String cancelledId = cancelling.get("flowId").asText();
    Confirmation afterCancel = confirmAtAffirm(cancelling.get("checkout"), "");
    String cancelPage = "https://merchant.example/cancel?flowId=" + cancelledId + "&status=CANCELLED&reason=shopper_cancelled";
    assertThat(location(send(HttpRequest.newBuilder(URI.create(cancelling.get("checkout").at("/merchant/user_cancel_url").asText())).GET().build())))
        .isEqualTo(cancelPage);

    Awaitility.await()
        .atMost(SHOPPER_WINDOW.plusSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> flow(expiringId).get("state").asText(), "EXPIRED"::equals);

    try (RawHistory server = RawHistory.connect(stack.temporal().target())) {
      List<Integer> before =
          List.of(server.runLengths(expiringId).get(0), server.runLengths(voidedId).get(0), server.runLengths(cancelledId).get(0));
      String cancelUrl = expiring.get("checkout").at("/merchant/user_cancel_url").asText();
      List<String> afterExpiry =
          Parallel.calls(60, 8, i -> location(i % 3 == 0
              ? send(HttpRequest.newBuilder(URI.create(cancelUrl)).GET().build())
              : returnWith(late.url(), late.token())));
      assertThat(afterExpiry).containsOnly("https://merchant.example/cancel?flowId=" + expiringId + "&status=EXPIRED&reason=checkout_expired");
      // After the end the browser still lands where the flow decided; the charge stays voided.
      List<String> afterTheEnd = Parallel.calls(60, 8, i -> location(returnWith(voidingReturn.url(), voidingReturn.token())));
      assertThat(afterTheEnd).containsOnly(decided);
      assertThat(Parallel.calls(60, 8, i -> location(returnWith(afterCancel.url(), afterCancel.token())))).containsOnly(cancelPage);
      assertThat(List.of(server.runLengths(expiringId).get(0), server.runLengths(voidedId).get(0), server.runLengths(cancelledId).get(0)))
          .isEqualTo(before);
    }
    assertThat(ledger("e2e-late-expiry", "CHARGE_AUTHORIZED")).isEmpty();
    assertThat(ledger("e2e-late-cancel", "CHARGE_AUTHORIZED")).isEmpty();
    assertThat(flow(cancelledId).get("state").asText()).isEqualTo("CANCELLED");
    assertThat(flow(expiringId).get("state").asText()).isEqualTo("EXPIRED");
    assertThat(flow(voidedId).get("state").asText()).isEqualTo("VOIDED");
    assertThat(ledger("e2e-late-void", "CHARGE_AUTHORIZED")).hasSize(1);
    assertThat(ledger("e2e-late-void", "CHARGE_VOIDED")).hasSize(1);
    assertThat(ledger("e2e-late-void", "CHARGE_CAPTURED")).isEmpty();
  }

  /**
   * The shopper's confirmation and the shopper window's end at (nearly) the same instant: checkouts
   * whose browsers come back from 5 s before to 5 s after their window closes, most within 400 ms
   * of it. Each ends one way only, and coherently: authorized (the browser on the confirm page, one
   * authorization at Affirm, never an expiry step) or expired (the browser on the payment page,
   * nothing authorized, never an authorization step).
   */
  @Test
  void aConfirmationAndTheExpiryAtTheSameInstantEndOneWayOnly() throws Exception {
    // Milliseconds from the window's end, as measured from the start's answer (a little after the flow's timer began).
    long[] offsets = {-5_000, -400, -200, -100, -50, 0, 50, 100, 200, 400, 5_000};
    ScheduledExecutorService browsers = Executors.newScheduledThreadPool(offsets.length);
    try {
      List<ScheduledFuture<HttpResponse<String>>> landings = new ArrayList<>();
      List<String> flowIds = new ArrayList<>();
      for (int i = 0; i < offsets.length; i++) {
        JsonNode started = start("e2e-instant-" + i);
        long startedAt = System.nanoTime();
        flowIds.add(started.get("flowId").asText());
        Confirmation confirmation = confirmAtAffirm(started.get("checkout"), "");
        long returnsAt = startedAt + SHOPPER_WINDOW.toNanos() + Duration.ofMillis(offsets[i]).toNanos();
        landings.add(browsers.schedule(
            () -> returnWith(confirmation.url(), confirmation.token()), returnsAt - System.nanoTime(), TimeUnit.NANOSECONDS));
      }
      List<String> ends = new ArrayList<>();
      for (int i = 0; i < landings.size(); i++) {
        HttpResponse<String> landing = landings.get(i).get(2, TimeUnit.MINUTES);
        String flowId = flowIds.get(i);
        assertThat(landing.statusCode()).as(landing.body()).isEqualTo(303);
        String state = Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
            .until(() -> flow(flowId).get("state").asText(), s -> s.equals("AUTHORIZED") || s.equals("EXPIRED"));
        int authorizations = ledger("e2e-instant-" + i, "CHARGE_AUTHORIZED").size();
        List<String> steps = new ArrayList<>();
        flow(flowId).get("steps").forEach(step -> steps.add(step.get("name").asText()));
        if (state.equals("AUTHORIZED")) {
          assertThat(location(landing)).isEqualTo("https://merchant.example/confirm?flowId=" + flowId + "&status=AUTHORIZED");
          assertThat(authorizations).isEqualTo(1);
          assertThat(steps).contains("authorized").doesNotContain("checkout_expired");
        } else {
          assertThat(location(landing)).startsWith("https://merchant.example/cancel?flowId=" + flowId + "&status=EXPIRED");
          assertThat(authorizations).isZero();
          assertThat(steps).contains("checkout_expired").doesNotContain("authorize_requested", "authorized");
        }
        System.out.println("Affirm at " + offsets[i] + " ms: " + state + " " + steps);
        ends.add(state);
      }
      System.out.println("Affirm confirmation vs expiry at " + java.util.Arrays.toString(offsets) + " ms: " + ends);
      assertThat(ends.get(0)).isEqualTo("AUTHORIZED");
      assertThat(ends.get(ends.size() - 1)).isEqualTo("EXPIRED");
    } finally {
      browsers.shutdownNow();
    }
  }

  /**
   * Racing: twenty refunds of 5.00 at once against 50.00 captured (ten fit, the rest are refused),
   * and captures of several amounts racing voids of the same authorization (one of them wins; the
   * ledger shows that one effect and the flow agrees).
   */
  @Test
  void refundsRacingPastTheCapturedTotalAndCapturesRacingVoidsMakeOneEffectEach() throws Exception {
    String refundedId = authorized("e2e-race-refunds");
    HttpResponse<String> captured =
        send(post(api("/v1/flows/" + refundedId + "/capture"), "{\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"}}"));
    assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
    List<Integer> refunds = RacingRefunds.send(api("/v1/flows/" + refundedId + "/refunds"), 20, "5.00");
    assertThat(refunds).filteredOn(status -> status == 201).hasSize(10);
    assertThat(refunds).allSatisfy(status -> assertThat(status).isIn(201, 409, 422));
    JsonNode refunded = flow(refundedId);
    assertThat(new BigDecimal(refunded.get("refundedAmount").get("amount").asText())).isEqualByComparingTo("50.00");
    assertThat(refunded.get("state").asText()).isEqualTo("REFUNDED");
    assertThat(ledger("e2e-race-refunds", "CHARGE_REFUNDED")).hasSize(10);

    for (int round = 0; round < 3; round++) {
      String orderId = "e2e-race-void-" + round;
      String flowId = authorized(orderId);
      // Even: a capture of (i/2 + 1).00; odd: a void. Every void is the same request.
      List<HttpResponse<String>> answers = Parallel.calls(20, 20, i -> send(post(
          api("/v1/flows/" + flowId + (i % 2 == 0 ? "/capture" : "/void")),
          i % 2 == 0 ? "{\"amount\":{\"amount\":\"" + (i / 2 + 1) + ".00\",\"currency\":\"USD\"}}" : null)));
      assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(200, 409));
      List<Integer> capturesMade = new ArrayList<>();
      int voidsMade = 0;
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).statusCode() == 200) {
          if (i % 2 == 0) {
            capturesMade.add(i);
          } else {
            voidsMade++;
          }
        }
      }
      JsonNode after = flow(flowId);
      List<JsonNode> captures = ledger(orderId, "CHARGE_CAPTURED");
      List<JsonNode> voids = ledger(orderId, "CHARGE_VOIDED");
      assertThat(captures.size() + voids.size()).as("one effect for " + flowId).isEqualTo(1);
      if (captures.size() == 1) {
        assertThat(after.get("state").asText()).isEqualTo("CAPTURED");
        assertThat(capturesMade).hasSize(1);
        assertThat(voidsMade).isZero();
        String amount = (capturesMade.get(0) / 2 + 1) + ".00";
        assertThat(captures.get(0).get("amount").asText()).isEqualTo(amount);
        assertThat(after.get("capturedAmount").get("amount").asText()).isEqualTo(amount);
      } else {
        assertThat(after.get("state").asText()).isEqualTo("VOIDED");
        assertThat(capturesMade).isEmpty();
        assertThat(voidsMade).isPositive();
      }
    }
  }

  /** A checkout the shopper confirmed and Affirm authorized: its flow id. */
  private static String authorized(String orderId) throws Exception {
    JsonNode started = start(orderId);
    Confirmation confirmation = confirmAtAffirm(started.get("checkout"), "");
    assertThat(location(returnWith(confirmation.url(), confirmation.token()))).endsWith("status=AUTHORIZED");
    return started.get("flowId").asText();
  }

  private static JsonNode start(String orderId) throws Exception {
    HttpResponse<String> created = send(post(api("/v1/affirm/checkouts"), checkout(orderId)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  /** The shopper at Affirm's page: opened with the checkout object, confirmed ({@code query} scripts Affirm). */
  private static Confirmation confirmAtAffirm(JsonNode checkout, String query) throws Exception {
    String checkoutId = openAtAffirm(checkout);
    JsonNode confirmed =
        JSON.readTree(
            send(HttpRequest.newBuilder(sandbox("/affirm/checkout/" + checkoutId + "/confirm" + query))
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
                .body());
    return new Confirmation(confirmed.get("checkout_token").asText(), confirmed.get("user_confirmation_url").asText());
  }

  /** What Affirm's page gives the browser to post back. */
  private record Confirmation(String token, String url) {}

  /** The browser posts the checkout token to a confirmation URL. */
  private static HttpResponse<String> returnWith(String url, String token) throws Exception {
    return send(postForm(URI.create(url), "checkout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
  }

  private static String openAtAffirm(JsonNode checkout) throws Exception {
    HttpResponse<String> opened = send(post(sandbox("/affirm/js/checkout"), checkout.toString()));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return JSON.readTree(opened.body()).get("checkout_id").asText();
  }

  private static String checkout(String orderId) {
    return """
        {"orderId": "%s", "total": {"amount": "61.00", "currency": "USD"},
         "items": [{"displayName": "Sweater", "sku": "sweater-a92123", "unitPrice": {"amount": "50.00", "currency": "USD"}, "qty": 1}],
         "shipping": {"name": "John Doe", "line1": "325 Pacific Ave", "city": "San Francisco", "state": "CA", "zipcode": "94112", "country": "USA"},
         "taxAmount": {"amount": "7.00", "currency": "USD"}, "shippingAmount": {"amount": "4.00", "currency": "USD"},
         "merchant": {"redirectConfirmUrl": "https://merchant.example/confirm", "redirectCancelUrl": "https://merchant.example/cancel"}}
        """.formatted(orderId);
  }

  private static JsonNode flow(String flowId) throws Exception {
    HttpResponse<String> status = send(get(api("/v1/flows/" + flowId)));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return JSON.readTree(status.body());
  }

  private static List<JsonNode> ledger(String reference, String type) throws Exception {
    HttpResponse<String> response = send(get(sandbox("/sandbox/ledger?provider=affirm&reference=" + reference)));
    List<JsonNode> entries = new ArrayList<>();
    JSON.readTree(response.body()).forEach(entry -> {
      if (type.equals(entry.get("type").asText())) {
        entries.add(entry);
      }
    });
    return entries;
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

  /** What the shopper's browser sends: the form Affirm's page submits, no merchant key. */
  private static HttpRequest postForm(URI uri, String form) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static HttpRequest.Builder asDemoMerchant(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + TestMerchants.DEMO_KEY);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

}
