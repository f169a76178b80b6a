package org.financingorchestrator.api.common;

/**
 * A request was waiting on a flow when the app began to stop. Repeating it is safe (the same
 * request attaches to the same flow, Update or refund), so it is answered 503 with Retry-After.
 */
public class ShuttingDownException extends RuntimeException {

  public ShuttingDownException(String flowId) {
    super("Stopped waiting for flow " + flowId + ": this instance is shutting down");
  }
}
