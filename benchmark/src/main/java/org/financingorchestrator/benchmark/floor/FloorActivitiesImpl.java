package org.financingorchestrator.benchmark.floor;

/** Does nothing but answer, so the floor measures the engine alone. */
public final class FloorActivitiesImpl implements FloorActivities {

  @Override
  public String createOrder(String flowId) {
    return "token-" + flowId;
  }

  @Override
  public String capture(String token) {
    return "CAPTURED";
  }
}
