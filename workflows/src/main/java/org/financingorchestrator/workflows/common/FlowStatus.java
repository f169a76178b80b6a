package org.financingorchestrator.workflows.common;

import java.util.List;
import java.util.Map;

/**
 * What a flow answers to its status Query, for every provider. {@code merchantId} is the merchant
 * that started it (null for flows started before flows had merchants). Holds no personal data and no
 * secrets: amounts, the provider's ids, the failure, the steps taken and the effects asked of the
 * provider whose outcome is not settled yet ({@code pending}: empty when everything is settled).
 */
public record FlowStatus(
    String flowId,
    String provider,
    String merchantId,
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

  /**
   * A flow known only by what it was started with (the first memo the API writes, or what the
   * search attributes say of a flow started before memos): no ids, refunds, failure or steps yet.
   */
  public static FlowStatus recorded(
      String flowId, String provider, String merchantId, String merchantReference, FlowState state, Money orderAmount) {
    return new FlowStatus(
        flowId, provider, merchantId, merchantReference, state, orderAmount, null,
        orderAmount == null ? null : Money.zero(orderAmount.currency()),
        Map.of(), List.of(), null, List.of(), List.of());
  }

  /** The name of the status Query every flow workflow answers. */
  public static final String QUERY = "status";
}
