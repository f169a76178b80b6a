package org.financingorchestrator.benchmark.floor;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The floor's workflow: the Afterpay checkout's path (order, wait, capture) with no-op steps. */
public class FloorCheckoutImpl implements FloorCheckout {

  private final FloorActivities activities =
      Workflow.newActivityStub(
          FloorActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

  private String token;
  private boolean returned;
  private String outcome;

  @Override
  public void checkout() {
    token = activities.createOrder(Workflow.getInfo().getWorkflowId());
    Workflow.await(() -> returned);
    outcome = activities.capture(token);
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  @Override
  public String orderCreated() {
    Workflow.await(() -> token != null);
    return token;
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public String shopperReturn() {
    returned = true;
    Workflow.await(() -> outcome != null);
    return outcome;
  }
}
