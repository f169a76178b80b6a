package org.financingorchestrator.api.common;

/**
 * A request the flow does not wait for in its present state, refused by the API from a Query of
 * the flow (nothing written to its history) as the flow's own validator would refuse it: 409.
 */
public class FlowStateConflictException extends RuntimeException {

  private final String flowId;

  public FlowStateConflictException(String flowId, String message) {
    super(message);
    this.flowId = flowId;
  }

  public String flowId() {
    return flowId;
  }
}
