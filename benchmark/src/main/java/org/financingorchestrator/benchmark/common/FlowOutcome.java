package org.financingorchestrator.benchmark.common;

/**
 * How one flow went: completed as the script expects, with the shopper's wait (from the return
 * reaching us to its answer), or failed with a short reason ("create 503", "confirm timeout").
 */
public record FlowOutcome(boolean completed, long shopperWaitNanos, String error) {

  public static FlowOutcome completed(long shopperWaitNanos) {
    return new FlowOutcome(true, shopperWaitNanos, null);
  }

  public static FlowOutcome failed(String error) {
    return new FlowOutcome(false, 0, error);
  }
}
