package org.financingorchestrator.api.common;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.common.SearchAttributes;
import org.financingorchestrator.workflows.common.FlowMemo;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.Money;
import org.springframework.stereotype.Component;

/**
 * What the Temporal server itself keeps of a flow's status (DescribeWorkflowExecution), readable
 * while no worker runs: the status the flow last recorded in its memo, or, for a flow started
 * before flows kept one, what its search attributes say.
 */
@Component
public class LastRecordedStatus {

  private final WorkflowClient client;

  public LastRecordedStatus(WorkflowClient client) {
    this.client = client;
  }

  /** The status; {@link io.temporal.client.WorkflowNotFoundException} when there is no such flow. */
  public FlowStatus get(String flowId) {
    WorkflowExecutionDescription description = client.newUntypedWorkflowStub(flowId).describe();
    return FlowMemo.read(description)
        .orElseGet(() -> fromSearchAttributes(flowId, description.getTypedSearchAttributes()));
  }

  /** A flow that has not recorded its state yet has only been started. */
  private static FlowStatus fromSearchAttributes(String flowId, SearchAttributes attributes) {
    String state = attributes.get(FlowSearchAttributes.STATE);
    Long minorUnits = attributes.get(FlowSearchAttributes.AMOUNT_MINOR_UNITS);
    String currency = attributes.get(FlowSearchAttributes.CURRENCY);
    return FlowStatus.recorded(
        flowId,
        attributes.get(FlowSearchAttributes.PROVIDER),
        attributes.get(FlowSearchAttributes.MERCHANT_ID),
        attributes.get(FlowSearchAttributes.MERCHANT_REFERENCE),
        state == null ? FlowState.STARTED : FlowState.valueOf(state),
        minorUnits == null || currency == null ? null : Money.ofMinorUnits(minorUnits, currency));
  }
}
