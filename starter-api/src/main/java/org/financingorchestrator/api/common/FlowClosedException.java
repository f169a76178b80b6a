package org.financingorchestrator.api.common;

import org.financingorchestrator.workflows.common.FlowStatus;

/**
 * The flow exists but has finished, so it takes no more requests; answered with 409 and the
 * flow's final status.
 */
public class FlowClosedException extends RuntimeException {

  private final transient FlowStatus status;

  public FlowClosedException(String flowId, FlowStatus status) {
    super("flow " + flowId + " has finished in state " + status.state());
    this.status = status;
  }

  public FlowStatus status() {
    return status;
  }
}
