package org.financingorchestrator.api.common;

/**
 * A flow id that names no flow of the calling merchant: another merchant's flow is answered
 * exactly as one that does not exist (404), so that ids say nothing about other merchants.
 */
public class FlowNotFoundException extends RuntimeException {

  private final String flowId;

  public FlowNotFoundException(String flowId) {
    super("No flow " + flowId);
    this.flowId = flowId;
  }

  public String flowId() {
    return flowId;
  }
}
