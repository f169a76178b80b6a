package org.financingorchestrator.api.flexiti;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.crash.CrashCalls;
import tools.jackson.databind.JsonNode;

/**
 * The clerk's till in the crash suite: every Flexiti request through {@link CrashCalls}, which
 * repeats it while the API or Temporal restarts. A repeat may find that its first sending was
 * taken (the flow moved on: 409, the input is no longer awaited); then the flow's status is the
 * answer, once the flow has left the state it was in.
 */
final class FlexitiTill {

  static final String DEMO = "demo";
  static final String SENT_CODE = "246810";

  private static final Set<String> ENDED = Set.of("POSTED", "APPROVED", "REFUNDED", "DECLINED", "CANCELLED", "EXPIRED", "FAILED");

  private final CrashCalls calls;

  FlexitiTill(CrashCalls calls) {
    this.calls = calls;
  }

  static String flowId(String reference) {
    return "flexiti-" + DEMO + "-" + reference;
  }

  /**
   * A purchase of {@code amount} CAD on plan 5 over 6 months (checked against the merchant's offer
   * types, so the merchant login is called too) by the customer's card, verified by sms.
   */
  JsonNode purchase(String reference, String vcc, String amount) {
    Map<String, Object> body = Map.of(
        "merchantReference", reference,
        "amount", Map.of("amount", amount, "currency", "CAD"),
        "customer", Map.of("vccNumber", vcc),
        "verification", Map.of("format", "sms"),
        "planId", "5",
        "term", 6);
    return answer(calls.merchant("POST", "/v1/flexiti/purchases", body), flowId(reference), "STARTED");
  }

  JsonNode verificationCode(String flowId) {
    return answer(
        calls.merchant("POST", "/v1/flows/" + flowId + "/verification-code", Map.of("code", SENT_CODE)), flowId, "AWAITING_VERIFICATION");
  }

  JsonNode customerConfirmation(String flowId, String decision) {
    return answer(
        calls.merchant("POST", "/v1/flows/" + flowId + "/customer-confirmation", Map.of("decision", decision)), flowId, "AWAITING_SHOPPER");
  }

  JsonNode returnOf(String reference, String vcc, String transactionId, String amount) {
    Map<String, Object> body = Map.of(
        "merchantReference", reference,
        "customer", Map.of("vccNumber", vcc),
        "transactionId", transactionId,
        "amount", Map.of("amount", amount, "currency", "CAD"));
    return answer(calls.merchant("POST", "/v1/flexiti/returns", body), flowId(reference), "STARTED");
  }

  JsonNode apply(Map<String, Object> application) {
    String reference = (String) application.get("merchantReference");
    return answer(calls.merchant("POST", "/v1/flexiti/applications", application), flowId(reference), "STARTED");
  }

  JsonNode applicantDecision(String flowId, String decision) {
    return answer(
        calls.merchant("POST", "/v1/flows/" + flowId + "/applicant-decision", Map.of("decision", decision)), flowId, "AWAITING_SHOPPER");
  }

  /** The flow's status once it has ended, or as it stands when it has not within the callers' patience. */
  JsonNode ended(String flowId) {
    return awaitState(flowId, state -> ENDED.contains(state));
  }

  /**
   * The answer to a request; a 409 to a repeat means its first sending was taken and the flow has
   * moved on from {@code waitingIn}: its status, once it has left that state.
   */
  private JsonNode answer(Http.Reply reply, String flowId, String waitingIn) {
    if (reply.status() == 200 || reply.status() == 201) {
      return reply.json();
    }
    if (reply.status() == 409) {
      return awaitState(flowId, state -> !waitingIn.equals(state));
    }
    throw new IllegalStateException(flowId + ": expected an answer, got " + reply);
  }

  private JsonNode awaitState(String flowId, java.util.function.Predicate<String> reached) {
    AtomicReference<JsonNode> status = new AtomicReference<>();
    try {
      await().atMost(CrashCalls.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
        Http.Reply reply = calls.merchant("GET", "/v1/flows/" + flowId, null);
        if (reply.status() != 200) {
          throw new IllegalStateException(flowId + ": no status: " + reply);
        }
        status.set(reply.json());
        return reached.test(reply.json().path("state").asString());
      });
    } catch (ConditionTimeoutException stillThere) {
      throw new IllegalStateException(flowId + " stayed " + status.get().path("state").asString() + " for " + CrashCalls.PATIENCE, stillThere);
    }
    return status.get();
  }
}
