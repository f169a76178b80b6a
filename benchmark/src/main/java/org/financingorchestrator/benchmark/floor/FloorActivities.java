package org.financingorchestrator.benchmark.floor;

import io.temporal.activity.ActivityInterface;

/** No-op stand-ins for the order and the capture. */
@ActivityInterface(namePrefix = "Floor")
public interface FloorActivities {

  String createOrder(String flowId);

  String capture(String token);
}
