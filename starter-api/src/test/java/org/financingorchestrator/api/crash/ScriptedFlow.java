package org.financingorchestrator.api.crash;

import java.util.Map;
import java.util.Set;

/**
 * A flow the crash suite started, and what it must show at the end.
 *
 * @param provider the provider's name
 * @param end the scripted end ("captured", ...), for the figures
 * @param flowId the flow's id
 * @param state the state its status must reach ({@code GET /v1/flows/{id}}: {@code state})
 * @param references the provider's ids of this flow (token, charge id, statusTrackingId,
 *     transaction id, ...): its ledger entries are those that refer to any of them (see {@link
 *     CrashScripts#references})
 * @param effects how many ledger entries of each effect type the flow must have made
 */
public record ScriptedFlow(
    String provider, String end, String flowId, String state, Set<String> references, Map<String, Integer> effects) {

  public int effectCount(String type) {
    return effects.getOrDefault(type, 0);
  }
}
