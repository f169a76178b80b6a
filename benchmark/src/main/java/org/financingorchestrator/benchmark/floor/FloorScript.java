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

  public FloorScript(WorkflowClient client) {
    this.client = client;
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
    String token =
        WorkflowClient.executeUpdateWithStart(
            flow::orderCreated,
            UpdateOptions.<String>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
            new WithStartWorkflowOperation<>(flow::checkout));
    if (token == null) {
      return FlowOutcome.failed("create without token");
    }
    long returned = System.nanoTime();
    String outcome = flow.shopperReturn();
    long answered = System.nanoTime();
    return "CAPTURED".equals(outcome) ? FlowOutcome.completed(answered - returned) : FlowOutcome.failed("confirm " + outcome);
  }
}
