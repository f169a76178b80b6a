package org.financingorchestrator.benchmark.floor;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The engine floor: a checkout's shape with no work in it. An activity (the order), then an
 * Update-with-Start that answers once the order is there, then an Update (the shopper's return)
 * that answers after a second activity (the capture). What the floor costs is Temporal's cost of
 * that shape on this server, which no provider flow can go under.
 */
@WorkflowInterface
public interface FloorCheckout {

  String TASK_QUEUE = "benchmark-floor";

  @WorkflowMethod(name = "FloorCheckout")
  void checkout();

  /** The merchant's create: the Update sent with the start; answers the order's token. */
  @UpdateMethod
  String orderCreated();

  /** Where the flow is, as starter-api asks before it sends the shopper's return. */
  @QueryMethod
  String token();

  /** The shopper's return: answers after the capture. */
  @UpdateMethod
  String shopperReturn();
}
