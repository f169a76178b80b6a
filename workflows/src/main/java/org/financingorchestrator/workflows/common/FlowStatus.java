package org.financingorchestrator.workflows.common;

import java.util.List;
import java.util.Map;

/**
 * What a flow answers to its status Query, for every provider. Holds no personal data and no
 * secrets: amounts, the provider's ids, the failure, the steps taken and the effects asked of the
 * provider whose outcome is not settled yet ({@code pending}: empty when everything is settled).
 */
public record FlowStatus(
    String flowId,
    String provider,
    String merchantReference,
    FlowState state,
    Money orderAmount,
    Money capturedAmount,
    Money refundedAmount,
    Map<String, String> providerIds,
    List<RefundRecord> refunds,
    FlowFailure failure,
    List<FlowStep> steps,
    List<PendingEffect> pending) {

  public FlowStatus {
    // Statuses recorded before flows kept pending effects have none.
    pending = pending == null ? List.of() : List.copyOf(pending);
  }

  /** A status with nothing pending. */
  public FlowStatus(
      String flowId,
      String provider,
      String merchantReference,
      FlowState state,
      Money orderAmount,
      Money capturedAmount,
      Money refundedAmount,
      Map<String, String> providerIds,
      List<RefundRecord> refunds,
      FlowFailure failure,
      List<FlowStep> steps) {
    this(flowId, provider, merchantReference, state, orderAmount, capturedAmount, refundedAmount,
        providerIds, refunds, failure, steps, List.of());
  }

  /** The name of the status Query every flow workflow answers. */
  public static final String QUERY = "status";
}
