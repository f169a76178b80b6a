package org.financingorchestrator.api.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.financingorchestrator.api.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Provider faults armed in the sandbox while the crash suite runs, in rounds, one kind a round:
 * each round arms one fault (count 1) on every operation of every provider in the run, claimed by
 * whichever flow calls it next. Only kinds a flow must get through with its end unchanged and its
 * effect made once: an outage, a rate limit with Retry-After, and the two ways an answer is lost
 * after the effect. (Final refusals change a flow's end by design; the fault matrix and the
 * providers' end-to-end tests cover them.)
 */
final class FaultCampaign {

  /** One kind of fault: its name in the figures and the rule's fields. */
  record Kind(String name, Map<String, Object> rule) {}

  static final List<Kind> KINDS =
      List.of(
          new Kind("503 before the effect", Map.of("status", 503)),
          new Kind("429 with Retry-After: 1", Map.of("status", 429, "retryAfterSeconds", 1)),
          new Kind("503 after the effect (answer lost)", Map.of("status", 503, "afterEffect", true)),
          new Kind("connection dropped after the effect", Map.of("afterEffect", true, "answer", "dropped")));

  private final CrashCalls calls;
  private final List<String> providers;
  private final Map<String, Integer> armed = new TreeMap<>();
  private final List<String> rounds = new ArrayList<>();

  FaultCampaign(CrashCalls calls, List<String> providers) {
    this.calls = calls;
    this.providers = providers;
  }

  /** Arms round {@code k}'s kind on every operation of every provider in the run. */
  synchronized void armRound(int k) {
    Kind kind = KINDS.get(k % KINDS.size());
    JsonNode operations = calls.sandbox("GET", "/sandbox/faults/operations", null).json();
    int count = 0;
    for (String provider : providers) {
      for (JsonNode operation : operations.path(provider)) {
        ObjectNode rule = Http.JSON.createObjectNode();
        rule.put("provider", provider).put("operation", operation.asString()).put("count", 1);
        kind.rule().forEach((field, value) -> rule.putPOJO(field, value));
        Http.Reply reply = calls.sandbox("POST", "/sandbox/faults", rule);
        if (reply.status() != 201) {
          throw new IllegalStateException("The sandbox refused the fault " + rule + ": " + reply);
        }
        armed.merge(provider + "." + operation.asString(), 1, Integer::sum);
        count++;
      }
    }
    rounds.add(kind.name() + " on " + count + " calls");
  }

  /**
   * Faults claimed by a call, by provider call ("afterpay.capture"): armed minus those still
   * waiting (an operation no flow called after its round, such as a read only a settlement makes).
   */
  synchronized Map<String, Integer> claimed() {
    Map<String, Integer> waiting = new HashMap<>();
    calls.sandbox("GET", "/sandbox/faults", null).json().forEach(fault -> {
      JsonNode rule = fault.path("rule");
      waiting.merge(rule.path("provider").asString() + "." + rule.path("operation").asString(), fault.path("remaining").asInt(), Integer::sum);
    });
    Map<String, Integer> claimed = new TreeMap<>();
    armed.forEach((call, count) -> claimed.put(call, count - waiting.getOrDefault(call, 0)));
    return claimed;
  }

  synchronized int armedCount() {
    return armed.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized List<String> rounds() {
    return List.copyOf(rounds);
  }
}
