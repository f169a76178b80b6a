package org.financingorchestrator.api.common;

import io.grpc.Deadline;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads any provider's flow status by the Query name every flow answers, so that one endpoint
 * serves all providers without knowing their workflow types. Only a running worker answers a
 * Query; when none does in time, the answer is the status the flow last recorded on the Temporal
 * server, so that a flow that exists always has a status.
 */
@Component
public class FlowStatusReader {

  private static final Logger log = LoggerFactory.getLogger(FlowStatusReader.class);

  private final WorkflowClient client;
  private final GrpcDeadlines deadlines;
  private final LastRecordedStatus lastRecorded;
  private final Duration queryWait;

  public FlowStatusReader(
      WorkflowClient client,
      GrpcDeadlines deadlines,
      LastRecordedStatus lastRecorded,
      FlowStatusProperties properties) {
    this.client = client;
    this.deadlines = deadlines;
    this.lastRecorded = lastRecorded;
    this.queryWait = properties.statusQueryWait();
  }

  /** The status; {@link WorkflowNotFoundException} when there is no such flow. */
  public FlowStatusAnswer get(String flowId) {
    Deadline deadline = Deadline.after(queryWait.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return FlowStatusAnswer.fromWorkflow(
          deadlines.within(
              deadline,
              () -> client.newUntypedWorkflowStub(flowId).query(FlowStatus.QUERY, FlowStatus.class)));
    } catch (WorkflowNotFoundException noSuchFlow) {
      throw noSuchFlow;
    } catch (RuntimeException unanswered) {
      // No worker answered in time, or the Query failed; Temporal unreachable fails describing too.
      log.warn(
          "Flow {} did not answer its status Query ({}); answering its last recorded status",
          flowId,
          rootCause(unanswered));
      return FlowStatusAnswer.lastRecorded(lastRecorded.get(flowId));
    }
  }

  public Optional<FlowStatusAnswer> find(String flowId) {
    try {
      return Optional.of(get(flowId));
    } catch (WorkflowNotFoundException noSuchFlow) {
      return Optional.empty();
    }
  }

  /** Temporal's client wraps what happened (a gRPC status, the Query's failure) several deep. */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }
}
