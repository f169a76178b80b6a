package org.financingorchestrator.api.afterpay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.crash.CrashCalls;
import org.financingorchestrator.api.crash.CrashScripts;
import org.financingorchestrator.api.crash.LedgerAmounts;
import org.financingorchestrator.api.crash.ScriptedFlow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Afterpay checkouts in the crash suite: the merchant creates the order, the shopper approves,
 * cancels or walks away at Afterpay, the browser comes back through our callback, the merchant
 * refunds part of a capture.
 */
public final class AfterpayCrashScripts implements CrashScripts {

  private static final String REFUND = "5.00";

  @Override
  public String provider() {
    return "afterpay";
  }

  @Override
  public List<String> ends() {
    return List.of("captured", "refunded", "capture-declined", "cancelled", "expired");
  }

  @Override
  public List<String> effectTypes() {
    return List.of("ORDER_CREATED", "PAYMENT_CAPTURED", "PAYMENT_DECLINED", "REFUND_CREATED");
  }

  @Override
  public List<String> sandboxArguments(Duration expiry) {
    // The flow waits for the shopper until the order's token expires.
    return List.of("--sandbox.afterpay.order-ttl=" + expiry);
  }

  @Override
  public ScriptedFlow drive(String end, int n, CrashCalls calls) {
    String reference = "crash-" + n;
    ObjectNode body = Checkouts.body(reference);
    // The local profile's demo merchant sends shoppers back to its own host.
    body.putObject("merchant")
        .put("redirectConfirmUrl", "https://shop.example/order/confirmed")
        .put("redirectCancelUrl", "https://shop.example/cart");
    Http.Reply created = calls.merchant("POST", Checkouts.PATH, body);
    expect(created, "create the checkout", 200, 201);
    String flowId = created.json().path("flowId").asString();
    String token = created.json().path("token").asString();
    Map<String, Integer> effects = new HashMap<>(Map.of("ORDER_CREATED", 1));
    String state =
        switch (end) {
          case "captured" -> {
            shopperReturns(calls, token, "approve", "CAPTURED");
            effects.put("PAYMENT_CAPTURED", 1);
            yield "CAPTURED";
          }
          case "refunded" -> {
            shopperReturns(calls, token, "approve", "CAPTURED");
            refund(calls, flowId, "RF-" + n);
            effects.put("PAYMENT_CAPTURED", 1);
            effects.put("REFUND_CREATED", 1);
            yield "PARTIALLY_REFUNDED";
          }
          case "capture-declined" -> {
            shopperReturns(calls, token, "approve?captureOutcome=DECLINED", null);
            effects.put("PAYMENT_DECLINED", 1);
            yield "DECLINED";
          }
          case "cancelled" -> {
            shopperReturns(calls, token, "cancel", null);
            yield "CANCELLED";
          }
          case "expired" -> "EXPIRED";
          default -> throw new IllegalArgumentException("No Afterpay script for " + end);
        };
    return new ScriptedFlow(provider(), end, flowId, state, Set.of(token), effects);
  }

  @Override
  public List<String> disagreements(ScriptedFlow flow, JsonNode status, List<JsonNode> ledger) {
    List<String> found = new ArrayList<>();
    LedgerAmounts.compare(status, "capturedAmount", ledger, "PAYMENT_CAPTURED").ifPresent(found::add);
    LedgerAmounts.compare(status, "refundedAmount", ledger, "REFUND_CREATED").ifPresent(found::add);
    return found;
  }

  /**
   * The shopper's step at Afterpay ({@code approve}, {@code cancel}, ...), then the browser
   * follows Afterpay's redirect to our callback, which answers with the merchant's page; with
   * {@code captured} the confirm page must say so.
   */
  private static void shopperReturns(CrashCalls calls, String token, String step, String captured) {
    Http.Reply atAfterpay = calls.sandbox("POST", "/afterpay/checkout/" + token + "/" + step, null);
    expect(atAfterpay, "the shopper's " + step + " at Afterpay", 303);
    Http.Reply landing = calls.browser(atAfterpay.header("Location"), null);
    expect(landing, "the shopper's return", 303);
    String page = Optional.ofNullable(landing.header("Location")).orElse("");
    if (captured != null && !page.contains("status=" + captured)) {
      throw new IllegalStateException("The shopper's return landed on " + page + ", not the confirm page with " + captured);
    }
  }

  /** A partial refund; the merchant repeats it (same reference) while it answers 202 pending. */
  private static void refund(CrashCalls calls, String flowId, String merchantReference) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.putObject("amount").put("amount", REFUND).put("currency", "USD");
    body.put("merchantReference", merchantReference);
    for (int attempt = 1; ; attempt++) {
      Http.Reply refunded = calls.merchant("POST", "/v1/flows/" + flowId + "/refunds", body);
      if (refunded.status() == 201) {
        return;
      }
      expect(refunded, "the refund", 202);
      if (attempt == 20) {
        throw new IllegalStateException("The refund of " + flowId + " was still pending after 20 requests");
      }
    }
  }

  private static void expect(Http.Reply reply, String what, int... statuses) {
    for (int status : statuses) {
      if (reply.status() == status) {
        return;
      }
    }
    throw new IllegalStateException(what + " answered " + reply);
  }
}
