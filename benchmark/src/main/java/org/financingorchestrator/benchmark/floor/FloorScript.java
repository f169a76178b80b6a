package org.financingorchestrator.benchmark.floor;

import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import org.financingorchestrator.benchmark.common.FlowOutcome;
import org.financingorchestrator.benchmark.common.FlowScript;

/**
 * The floor driven straight through the Temporal client, as starter-api drives a checkout:
 * Update-with-Start for the create, then an Update for the shopper's return, timed.
 */
public final class FloorScript implements FlowScript {

  private final WorkflowClient client;
  private final boolean twoStepUpdates;
  private final boolean queryFirst;

  /**
   * @param twoStepUpdates and {@code queryFirst}: a diagnostic (BENCHMARKS.md): the floor's flow with starter-api's
   *     calls to Temporal, which waits for each Update in two steps (accepted, then its result)
   *     and asks a Query before the shopper's return, to tell the engine's cost of those calls
   *     from the flow's own
   */
  public FloorScript(WorkflowClient client, boolean twoStepUpdates, boolean queryFirst) {
    this.client = client;
    this.twoStepUpdates = twoStepUpdates;
    this.queryFirst = queryFirst;
  }

  @Override
  public FlowOutcome run(String reference) {
    FloorCheckout flow =
        client.newWorkflowStub(
            FloorCheckout.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("floor-" + reference)
                .setTaskQueue(FloorCheckout.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    WorkflowUpdateStage stage = twoStepUpdates ? WorkflowUpdateStage.ACCEPTED : WorkflowUpdateStage.COMPLETED;
    String token =
        WorkflowClient.startUpdateWithStart(
                flow::orderCreated,
                UpdateOptions.<String>newBuilder().setWaitForStage(stage).build(),
                new WithStartWorkflowOperation<>(flow::checkout))
            .getResult();
    if (token == null) {
      return FlowOutcome.failed("create without token");
    }
    long returned = System.nanoTime();
    if (queryFirst && flow.token() == null) {
      return FlowOutcome.failed("query without token");
    }
    String outcome =
        WorkflowClient.startUpdate(flow::shopperReturn, UpdateOptions.<String>newBuilder().setWaitForStage(stage).build())
            .getResult();
    long answered = System.nanoTime();
    return "CAPTURED".equals(outcome) ? FlowOutcome.completed(answered - returned) : FlowOutcome.failed("confirm " + outcome);
  }
}
