package org.financingorchestrator.api.affirm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.crash.CrashCalls;
import org.financingorchestrator.api.crash.CrashScripts;
import org.financingorchestrator.api.crash.LedgerAmounts;
import org.financingorchestrator.api.crash.ScriptedFlow;
import tools.jackson.databind.JsonNode;

/**
 * Affirm checkouts in the crash suite, each to one end a merchant meets: authorized then captured,
 * captured then refunded in part, authorized then voided, cancelled by the shopper at Affirm,
 * expired (opened at Affirm, never confirmed within the shopper window), declined by Affirm, and an
 * authorized amount that is not the order total (voided at once).
 *
 * <p>The shopper's steps at Affirm (open, confirm, cancel) go to the sandbox, which answers a
 * repeat with the first outcome; the confirmation and cancel returns go to the API as the browser
 * sends them; capture, void and refund as the merchant's backend sends them.
 */
public final class AffirmCrashScripts implements CrashScripts {

  public static final String CAPTURED = "captured";
  public static final String REFUNDED = "refunded";
  public static final String VOIDED = "voided";
  public static final String CANCELLED = "cancelled";
  public static final String EXPIRED = "expired";
  public static final String DECLINED = "declined";
  public static final String AMOUNT_MISMATCH = "amount_mismatch";

  private static final String TOTAL = "61.00";
  private static final String REFUND = "20.00";
  /** What the sandbox authorizes for {@link #AMOUNT_MISMATCH}: not the order total. */
  private static final long MISMATCHED_CENTS = 5_900;
  /** Flows of another run of the suite on the same server keep their own order ids. */
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  /** How often the script reads the status while a capture it was answered 202 for settles. */
  private static final Duration CAPTURE_POLL = Duration.ofMillis(500);

  @Override
  public String provider() {
    return "affirm";
  }

  @Override
  public List<String> ends() {
    return List.of(CAPTURED, REFUNDED, VOIDED, CANCELLED, EXPIRED, DECLINED, AMOUNT_MISMATCH);
  }

  /** The shopper window is the only wait for a person; the authorization (30 days) outlives any run. */
  @Override
  public List<String> apiArguments(Duration expiry) {
    return List.of("--flows.affirm.shopper-window=" + expiry);
  }

  @Override
  public List<String> effectTypes() {
    return List.of(
        "SHOPPER_CONFIRMED", "SHOPPER_CANCELLED", "CHARGE_AUTHORIZED", "CHARGE_CAPTURED",
        "CHARGE_VOIDED", "CHARGE_REFUNDED", "CHARGE_UPDATED");
  }

  @Override
  public ScriptedFlow drive(String end, int n, CrashCalls calls) {
    String orderId = "crash-" + RUN + "-" + n;
    Http.Reply created = calls.merchant("POST", "/v1/affirm/checkouts", checkout(orderId));
    expect(created, 201, "start of " + orderId);
    String flowId = created.json().get("flowId").asString();
    JsonNode checkout = created.json().get("checkout");

    String checkoutId = openAtAffirm(flowId, checkout, calls);
    Set<String> references = Set.of(orderId, checkoutId);

    return switch (end) {
      case EXPIRED -> flow(end, flowId, "EXPIRED", references, Map.of());
      case CANCELLED -> {
        cancelAtAffirm(flowId, checkoutId, calls);
        yield flow(end, flowId, "CANCELLED", references, Map.of("SHOPPER_CANCELLED", 1));
      }
      case DECLINED -> {
        confirmAtAffirm(flowId, checkoutId, "?decline=true", "status=FAILED", calls);
        yield flow(end, flowId, "FAILED", references, confirmed(Map.of()));
      }
      case AMOUNT_MISMATCH -> {
        confirmAtAffirm(flowId, checkoutId, "?authorizeAmount=" + MISMATCHED_CENTS, "reason=amount_mismatch", calls);
        yield flow(end, flowId, "FAILED", references, confirmed(Map.of("CHARGE_AUTHORIZED", 1, "CHARGE_VOIDED", 1)));
      }
      case VOIDED -> {
        confirmAtAffirm(flowId, checkoutId, "", "status=AUTHORIZED", calls);
        expectDone(calls.merchant("POST", "/v1/flows/" + flowId + "/void", null), "void of " + flowId);
        yield flow(end, flowId, "VOIDED", references, confirmed(Map.of("CHARGE_AUTHORIZED", 1, "CHARGE_VOIDED", 1)));
      }
      case CAPTURED -> {
        confirmAtAffirm(flowId, checkoutId, "", "status=AUTHORIZED", calls);
        capture(flowId, orderId, calls);
        yield flow(end, flowId, "CAPTURED", references, confirmed(Map.of("CHARGE_AUTHORIZED", 1, "CHARGE_CAPTURED", 1)));
      }
      case REFUNDED -> {
        confirmAtAffirm(flowId, checkoutId, "", "status=AUTHORIZED", calls);
        capture(flowId, orderId, calls);
        awaitCaptured(flowId, calls);
        Map<String, Object> refund =
            Map.of("amount", Map.of("amount", REFUND, "currency", "USD"), "merchantReference", "RF-" + orderId);
        expectDone(calls.merchant("POST", "/v1/flows/" + flowId + "/refunds", refund), "refund of " + flowId);
        yield flow(
            end, flowId, "PARTIALLY_REFUNDED", references,
            confirmed(Map.of("CHARGE_AUTHORIZED", 1, "CHARGE_CAPTURED", 1, "CHARGE_REFUNDED", 1)));
      }
      default -> throw new IllegalArgumentException("No Affirm script ends " + end);
    };
  }

  /** Captured and refunded as the status says, against what Affirm's ledger made for this flow. */
  @Override
  public List<String> disagreements(ScriptedFlow flow, JsonNode status, List<JsonNode> ledger) {
    List<String> found = new ArrayList<>();
    LedgerAmounts.compare(status, "capturedAmount", ledger, "CHARGE_CAPTURED").ifPresent(found::add);
    LedgerAmounts.compare(status, "refundedAmount", ledger, "CHARGE_REFUNDED").ifPresent(found::add);
    return found;
  }

  // --- the shopper at Affirm, and the browser back ---------------------------------------------

  /**
   * Affirm.js opens the checkout from the shopper's browser. Each open is a checkout of its own at
   * Affirm (an open tried again after a lost answer makes another, which the shopper leaves), so
   * checkouts are not effects the flow answers for; a 429 is tried again after its Retry-After.
   */
  private static String openAtAffirm(String flowId, JsonNode checkout, CrashCalls calls) {
    // A 429 is tried again by the caller itself, after its Retry-After.
    Http.Reply opened = calls.sandbox("POST", "/affirm/js/checkout", checkout.toString());
    expect(opened, 201, "opening " + flowId + " at Affirm");
    return opened.json().get("checkout_id").asString();
  }

  /** The shopper confirms at Affirm ({@code query} scripts Affirm's answer); the browser posts the token to our URL. */
  private static void confirmAtAffirm(String flowId, String checkoutId, String query, String landing, CrashCalls calls) {
    Http.Reply confirmed = calls.sandbox("POST", "/affirm/checkout/" + checkoutId + "/confirm" + query, null);
    expect(confirmed, 200, "confirmation of " + flowId + " at Affirm");
    String form = "checkout_token=" + URLEncoder.encode(confirmed.json().get("checkout_token").asString(), StandardCharsets.UTF_8);
    Http.Reply returned = calls.browser(confirmed.json().get("user_confirmation_url").asString(), form);
    expectLanding(returned, flowId, landing);
  }

  /** The shopper cancels at Affirm, which sends the browser to our user_cancel_url. */
  private static void cancelAtAffirm(String flowId, String checkoutId, CrashCalls calls) {
    Http.Reply cancelled = calls.sandbox("POST", "/affirm/checkout/" + checkoutId + "/cancel", null);
    expect(cancelled, 303, "cancel of " + flowId + " at Affirm");
    expectLanding(calls.browser(cancelled.header("Location"), null), flowId, "status=CANCELLED");
  }

  private static void expectLanding(Http.Reply returned, String flowId, String landing) {
    expect(returned, 303, "the shopper's return to " + flowId);
    String location = returned.header("Location");
    if (location == null || !location.contains(landing)) {
      throw new IllegalStateException("The shopper's return to " + flowId + " went to " + location + ", not " + landing);
    }
  }

  // --- the merchant ------------------------------------------------------------------------------

  private static void capture(String flowId, String orderId, CrashCalls calls) {
    Map<String, Object> capture = Map.of("orderId", orderId, "shippingCarrier", "USPS", "shippingConfirmation", "1Z" + orderId);
    expectDone(calls.merchant("POST", "/v1/flows/" + flowId + "/capture", capture), "capture of " + flowId);
  }

  /** A capture answered 202 settles in the flow; the refund waits for it, as a merchant would. */
  private static void awaitCaptured(String flowId, CrashCalls calls) {
    Awaitility.await(flowId + " captured")
        .atMost(CrashCalls.PATIENCE)
        .pollInterval(CAPTURE_POLL)
        .until(
            () -> {
              Http.Reply status = calls.merchant("GET", "/v1/flows/" + flowId, null);
              expect(status, 200, "status of " + flowId);
              String state = status.json().path("state").asString();
              if (!state.equals("CAPTURED") && !state.equals("CAPTURING")) {
                throw new IllegalStateException(flowId + " is " + state + " after its capture, not CAPTURED");
              }
              return state.equals("CAPTURED");
            });
  }

  /** 200 (done) or 202 (Affirm has not answered yet; the flow settles it and the suite polls the status). */
  private static void expectDone(Http.Reply reply, String what) {
    if (reply.status() != 200 && reply.status() != 201 && reply.status() != 202) {
      throw new IllegalStateException(what + " answered " + reply);
    }
  }

  private static void expect(Http.Reply reply, int status, String what) {
    if (reply.status() != status) {
      throw new IllegalStateException(what + " answered " + reply + ", not " + status);
    }
  }

  private static Map<String, Integer> confirmed(Map<String, Integer> charge) {
    Map<String, Integer> effects = new LinkedHashMap<>(Map.of("SHOPPER_CONFIRMED", 1));
    effects.putAll(charge);
    return effects;
  }

  private ScriptedFlow flow(String end, String flowId, String state, Set<String> references, Map<String, Integer> effects) {
    return new ScriptedFlow(provider(), end, flowId, state, references, effects);
  }

  private static Map<String, Object> checkout(String orderId) {
    Map<String, Object> checkout = new LinkedHashMap<>();
    checkout.put("orderId", orderId);
    checkout.put("total", Map.of("amount", TOTAL, "currency", "USD"));
    checkout.put(
        "items",
        List.of(Map.of("displayName", "Sweater", "sku", "sweater-a92123", "unitPrice", Map.of("amount", "50.00", "currency", "USD"), "qty", 1)));
    checkout.put("taxAmount", Map.of("amount", "7.00", "currency", "USD"));
    checkout.put("shippingAmount", Map.of("amount", "4.00", "currency", "USD"));
    checkout.put(
        "merchant",
        Map.of("redirectConfirmUrl", "https://shop.example/order/confirmed", "redirectCancelUrl", "https://shop.example/checkout/payment"));
    return checkout;
  }
}
