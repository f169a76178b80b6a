package org.financingorchestrator.api.common;

import org.financingorchestrator.workflows.common.Money;

/**
 * The answer to a refund whose outcome the provider has not settled within the request's wait: the
 * flow keeps at it (same requestId, then a look-up). Repeating the same request (same reference
 * and amount) answers the settled refund once there is one; GET /v1/flows/{flowId} shows it
 * pending meanwhile.
 */
public record RefundPending(String flowId, String merchantReference, Money amount, String state) {

  public static final String PENDING = "PENDING";

  public RefundPending(String flowId, String merchantReference, Money amount) {
    this(flowId, merchantReference, amount, PENDING);
  }
}
