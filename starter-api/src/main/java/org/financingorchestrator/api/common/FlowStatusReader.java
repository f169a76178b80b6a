package org.financingorchestrator.api.common;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Optional;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.springframework.stereotype.Component;

/**
 * Reads any provider's flow status by the Query name every flow answers, so that one endpoint
 * serves all providers without knowing their workflow types.
 */
@Component
public class FlowStatusReader {

  private final WorkflowClient client;

  public FlowStatusReader(WorkflowClient client) {
    this.client = client;
  }

  /** The status; {@link WorkflowNotFoundException} when there is no such flow. */
  public FlowStatus get(String flowId) {
    return client.newUntypedWorkflowStub(flowId).query(FlowStatus.QUERY, FlowStatus.class);
  }

  public Optional<FlowStatus> find(String flowId) {
    try {
      return Optional.of(get(flowId));
    } catch (WorkflowNotFoundException noSuchFlow) {
      return Optional.empty();
    }
  }
}
