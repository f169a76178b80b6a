package org.financingorchestrator.api.crash;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One provider's part of the crash suite: flows with a scripted end each, driven over HTTP as the
 * merchant's backend, the shopper's browser and the provider would drive them, every call through
 * {@link CrashCalls} (which retries as those callers do while processes die under them).
 *
 * <p>A provider flow added later joins the suite by adding its implementation to {@link
 * CrashSuite#PROVIDERS}.
 */
public interface CrashScripts {

  /** The provider's name, as in flow ids and the sandbox's ledger. */
  String provider();

  /** The ends this provider's flows are scripted to reach ("captured", "refunded", "expired", ...). */
  List<String> ends();

  /**
   * Arguments for the sandbox process so this provider's flows that wait for the shopper expire
   * after {@code expiry} (an order's time to live, say); none by default.
   */
  default List<String> sandboxArguments(Duration expiry) {
    return List.of();
  }

  /**
   * Arguments for starter-api so this provider's waits fit the run: flows that wait for the shopper
   * or clerk expire after {@code expiry}; fallbacks (a status request when no postback came) run
   * within it. None by default.
   */
  default List<String> apiArguments(Duration expiry) {
    return List.of();
  }

  /**
   * The ledger entry types that are effects (an order, an authorization, a capture, a posted
   * transaction, a refund): each must appear exactly as often as {@link ScriptedFlow#effects()}
   * says (zero when it says nothing), so a duplicate or a missing effect is found.
   */
  List<String> effectTypes();

  /**
   * Drives flow number {@code n} (unique in the run) towards {@code end}: starts it and plays every
   * step the script has for it. Returns once the last step was answered; a flow that ends by
   * waiting (expiry) returns at once after its start. Answers what the merchant and the ledger
   * must show in the end.
   */
  ScriptedFlow drive(String end, int n, CrashCalls calls);

  /**
   * The ids by which this flow's entries are found in the ledger: the script's own, and the values
   * of the status's {@code providerIds}. A provider whose ids there are shared between flows (a
   * customer's id, say) answers the script's own only.
   */
  default Set<String> references(ScriptedFlow flow, JsonNode status) {
    Set<String> references = new HashSet<>(flow.references());
    status.path("providerIds").forEach(id -> references.add(id.asString()));
    return references;
  }

  /**
   * What in the merchant-visible status ({@code GET /v1/flows/{id}}) disagrees with this flow's
   * ledger entries (amounts captured, refunded, posted), in words; empty when they agree.
   */
  List<String> disagreements(ScriptedFlow flow, JsonNode status, List<JsonNode> ledger);
}
