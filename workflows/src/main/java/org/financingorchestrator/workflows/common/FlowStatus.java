package org.financingorchestrator.workflows.common;

import java.util.List;
import java.util.Map;

/**
 * What a flow answers to its status Query, for every provider. Holds no personal data and no
 * secrets: amounts, the provider's ids, the failure and the steps taken.
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
    List<FlowStep> steps) {

  /** The name of the status Query every flow workflow answers. */
  public static final String QUERY = "status";
}
