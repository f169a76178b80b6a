package org.financingorchestrator.api.chargeafter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.crash.CrashCalls;
import org.financingorchestrator.api.crash.CrashScripts;
import org.financingorchestrator.api.crash.ScriptedFlow;
import tools.jackson.databind.JsonNode;

/**
 * ChargeAfter's send-links in the crash suite: the merchant sends a link, the consumer finishes at
 * the sandbox's page (which posts the postbacks to starter-api, once and without retry, as the
 * sandbox does), and the browser follows our signed redirect to the merchant's page. A postback
 * lost while starter-api is down is settled by the status request: the flow asks it after {@code
 * postback-wait}, which {@link #apiArguments} shortens so that it happens within the run.
 */
public final class ChargeAfterCrashScripts implements CrashScripts {

  /** The consumer approves; the final postback decides (or, if it was lost, the status request). */
  static final String APPROVED = "approved";
  /** No lender approves the consumer (GENERAL). */
  static final String DECLINED = "declined";
  /** The consumer closes ChargeAfter's checkout (CONSUMER_CANCELLED). */
  static final String CANCELLED = "cancelled";
  /** The consumer goes back to the store (BACK_TO_STORE): cancelled too, by the other button. */
  static final String BACK_TO_STORE = "back_to_store";
  /** The lender decides later (PENDING). */
  static final String PENDING = "pending";
  /** ChargeAfter reports a failure (BILLING_SHIPPING_MISMATCH). */
  static final String FAILED = "failed";
  /** The consumer approves, ChargeAfter sends no postback: the status request decides. */
  static final String BY_STATUS_REQUEST = "status_request";
  /** Nobody opens the link: the deadline passes. */
  static final String EXPIRED = "expired";

  static final String SEND_LINK_CREATED = "SEND_LINK_CREATED";
  static final String LINK_EMAILED = "LINK_EMAILED";

  /** The merchant's pages in {@link SendLinks#checkout}, where our redirect sends the browser. */
  private static final String SUCCESS_PAGE = "https://shop.example/financing/approved?flowId=";
  private static final String FAILURE_PAGE = "https://shop.example/financing/declined?lang=en&flowId=";

  /** Each end: the consumer's step at the sandbox, the state, the sandbox's entry, ChargeAfter's code. */
  private record Script(String step, String state, String consumerEntry, String code) {}

  private static final Map<String, Script> SCRIPTS = new LinkedHashMap<>();

  static {
    SCRIPTS.put(APPROVED, new Script("approve", "APPROVED", "CONSUMER_APPROVED", null));
    SCRIPTS.put(DECLINED, new Script("decline", "DECLINED", "CONSUMER_DECLINED", "GENERAL"));
    SCRIPTS.put(CANCELLED, new Script("cancel", "CANCELLED", "CONSUMER_CANCELLED", "CONSUMER_CANCELLED"));
    SCRIPTS.put(BACK_TO_STORE, new Script("back-to-store", "CANCELLED", "CONSUMER_BACK_TO_STORE", "BACK_TO_STORE"));
    SCRIPTS.put(PENDING, new Script("pending", "PENDING", "CONSUMER_PENDING", "PENDING"));
    SCRIPTS.put(
        FAILED,
        new Script("decline?code=BILLING_SHIPPING_MISMATCH", "FAILED", "CONSUMER_DECLINED", "BILLING_SHIPPING_MISMATCH"));
    SCRIPTS.put(BY_STATUS_REQUEST, new Script("approve?postback=never", "APPROVED", "CONSUMER_APPROVED", null));
    SCRIPTS.put(EXPIRED, new Script(null, "EXPIRED", null, null));
  }

  /** The consumer's entries in the sandbox's ledger: one per finished session. */
  private static final List<String> CONSUMER_ENTRIES =
      List.of("CONSUMER_APPROVED", "CONSUMER_DECLINED", "CONSUMER_CANCELLED", "CONSUMER_BACK_TO_STORE", "CONSUMER_PENDING");

  @Override
  public String provider() {
    return "chargeafter";
  }

  @Override
  public List<String> ends() {
    return List.copyOf(SCRIPTS.keySet());
  }

  /**
   * The deadline is {@code expiry}; a flow without its final postback asks the status request
   * after an eighth of it (at least 2 s), then every second, doubling up to a tenth: so a
   * postback lost while starter-api was down (the sandbox sends each once) is settled long before
   * the deadline, and an expired flow polls a bounded number of times.
   */
  @Override
  public List<String> apiArguments(Duration expiry) {
    Duration postbackWait = max(expiry.dividedBy(8), Duration.ofSeconds(2));
    Duration maxPoll = max(expiry.dividedBy(10), Duration.ofSeconds(2));
    return List.of(
        "--flows.chargeafter.deadline=" + expiry,
        "--flows.chargeafter.postback-wait=" + postbackWait,
        "--flows.chargeafter.first-status-poll=PT1S",
        "--flows.chargeafter.max-status-poll=" + maxPoll);
  }

  /** The send-link (a session at ChargeAfter) and the consumer's decision on it: each once. */
  @Override
  public List<String> effectTypes() {
    List<String> types = new ArrayList<>(List.of(SEND_LINK_CREATED, LINK_EMAILED));
    types.addAll(CONSUMER_ENTRIES);
    return types;
  }

  @Override
  public ScriptedFlow drive(String end, int n, CrashCalls calls) {
    Script script = SCRIPTS.get(end);
    if (script == null) {
      throw new IllegalArgumentException("No ChargeAfter script for " + end);
    }
    String merchantOrderId = "crash-ca-" + n;
    Http.Reply created = calls.merchant("POST", "/v1/chargeafter/send-links", SendLinks.checkout(merchantOrderId));
    if (created.status() != 201) {
      throw new IllegalStateException("send-link " + merchantOrderId + " answered " + created);
    }
    JsonNode link = created.json();
    String flowId = link.path("flowId").asString();
    String statusTrackingId = link.path("statusTrackingId").asString();
    Map<String, Integer> effects = new LinkedHashMap<>();
    effects.put(SEND_LINK_CREATED, 1);
    if (script.step() != null) {
      effects.put(script.consumerEntry(), 1);
      finish(calls, flowId, statusTrackingId, script);
    }
    return new ScriptedFlow(provider(), end, flowId, script.state(), Set.of(statusTrackingId), effects);
  }

  /**
   * The consumer's step at the sandbox (it posts the postbacks, then sends the browser to our
   * signed redirect), then the browser on our redirect, which must land on the merchant's page.
   */
  private static void finish(CrashCalls calls, String flowId, String statusTrackingId, Script script) {
    String step = "/chargeafter/consumer/" + statusTrackingId + "/" + script.step();
    Http.Reply consumer = calls.sandbox("POST", step, null);
    String ours = consumer.header("Location");
    if (consumer.status() != 303 || ours == null || !ours.contains("/v1/callbacks/chargeafter/" + flowId + "/")) {
      throw new IllegalStateException("The consumer's " + step + " answered " + consumer + " to " + ours);
    }
    Http.Reply landing = calls.browser(ours, null);
    String page = landing.header("Location");
    String expected = script.code() == null ? SUCCESS_PAGE + flowId : FAILURE_PAGE + flowId + "&code=" + script.code();
    if (landing.status() != 303 || page == null || !page.startsWith(expected)) {
      throw new IllegalStateException("Our redirect " + ours + " answered " + landing + " to " + page + ", not " + expected);
    }
  }

  /** The session's id and ChargeAfter's applicationId only: lenderId is the same for every flow. */
  @Override
  public Set<String> references(ScriptedFlow flow, JsonNode status) {
    Set<String> references = new HashSet<>(flow.references());
    for (String id : List.of("statusTrackingId", "applicationId")) {
      JsonNode value = status.path("providerIds").path(id);
      if (value.isString()) {
        references.add(value.asString());
      }
    }
    return references;
  }

  /**
   * ChargeAfter holds no payment, so what must agree is the order's amount with the send-link's,
   * and the flow's end with the consumer's decision at ChargeAfter: the same session (its
   * applicationId), the state and code its entry implies, and the status request as the decider
   * when no postback was sent.
   */
  @Override
  public List<String> disagreements(ScriptedFlow flow, JsonNode status, List<JsonNode> ledger) {
    List<String> problems = new ArrayList<>();
    List<JsonNode> sent = ofType(ledger, SEND_LINK_CREATED);
    JsonNode ordered = status.path("orderAmount");
    for (JsonNode link : sent) {
      if (!sameAmount(ordered.path("amount").asString(), link.path("amount").asString())
          || !ordered.path("currency").asString().equals(link.path("currency").asString())) {
        problems.add(flow.flowId() + " ordered " + ordered + " but its send-link was for " + link.path("amount").asString()
            + " " + link.path("currency").asString());
      }
    }
    List<JsonNode> decisions = new ArrayList<>();
    CONSUMER_ENTRIES.forEach(type -> decisions.addAll(ofType(ledger, type)));
    String state = status.path("state").asString();
    if (decisions.isEmpty()) {
      if (!"EXPIRED".equals(state)) {
        problems.add(flow.flowId() + " is " + state + " but its consumer decided nothing at ChargeAfter");
      }
      return problems;
    }
    JsonNode decision = decisions.get(decisions.size() - 1);
    problems.addAll(decisionDisagreements(flow, status, decision));
    if (BY_STATUS_REQUEST.equals(flow.end())) {
      if (!ofType(ledger, "POSTBACK_SENT").isEmpty()) {
        problems.add(flow.flowId() + " was scripted without postbacks, but ChargeAfter sent some");
      }
      if (!hasStep(status, "status_request_ended")) {
        problems.add(flow.flowId() + " had no postback but its status shows no answer from the status request");
      }
    }
    return problems;
  }

  private static List<String> decisionDisagreements(ScriptedFlow flow, JsonNode status, JsonNode decision) {
    List<String> problems = new ArrayList<>();
    String state = status.path("state").asString();
    String type = decision.path("type").asString();
    JsonNode error = decision.path("references").path("error");
    String code = error.isString() ? error.asString() : null;
    String expectedState = code == null ? "APPROVED" : stateFor(code);
    if (!expectedState.equals(state)) {
      problems.add(flow.flowId() + " is " + state + " but ChargeAfter's consumer ended " + type + " (" + code + ")");
    }
    String applicationId = decision.path("references").path("applicationId").asString();
    JsonNode flowsApplication = status.path("providerIds").path("applicationId");
    if (!flowsApplication.isString() || !applicationId.equals(flowsApplication.asString())) {
      problems.add(flow.flowId() + " shows applicationId " + flowsApplication + ", ChargeAfter's session " + applicationId);
    }
    JsonNode failure = status.path("failure").path("code");
    if (code != null && !(failure.isString() && code.equals(failure.asString()))) {
      problems.add(flow.flowId() + " shows failure " + failure + ", ChargeAfter reported " + code);
    }
    return problems;
  }

  /** As the flow maps ChargeAfter's codes (README, Provider assumptions). */
  private static String stateFor(String code) {
    return switch (code) {
      case "BACK_TO_STORE", "CONSUMER_CANCELLED" -> "CANCELLED";
      case "PENDING" -> "PENDING";
      case "GENERAL" -> "DECLINED";
      default -> "FAILED";
    };
  }

  private static boolean hasStep(JsonNode status, String name) {
    for (JsonNode step : status.path("steps")) {
      if (name.equals(step.path("name").asString())) {
        return true;
      }
    }
    return false;
  }

  private static List<JsonNode> ofType(List<JsonNode> ledger, String type) {
    return ledger.stream().filter(entry -> type.equals(entry.path("type").asString())).toList();
  }

  private static boolean sameAmount(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException notAnAmount) {
      return false;
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
