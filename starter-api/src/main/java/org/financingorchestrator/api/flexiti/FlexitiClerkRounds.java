package org.financingorchestrator.api.flexiti;

import io.grpc.Deadline;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.financingorchestrator.api.common.FlowStateConflictException;
import org.financingorchestrator.api.common.FlowStatusProperties;
import org.financingorchestrator.api.common.GrpcDeadlines;
import org.financingorchestrator.workflows.common.FlowState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a flood of clerk inputs out of a Flexiti flow's history. Before an input is sent as an
 * Update, the flow is asked where it stands (a Query: nothing written): an input it does not wait
 * for while it waits for another is refused here (409), since an Update refused by the flow's
 * validator still costs a workflow task's events when many arrive at once. An awaited input is
 * sent under its round's Update id, so repeats and racing inputs of that round (a double click,
 * the code and its retry, accept and refuse at once) attach to the one Update the flow took and
 * get its answer. A flow that has ended, or that no worker answers in time, gets the Update as
 * before: an ended flow answers 409 with its state, a running one's validator decides.
 */
@Component
class FlexitiClerkRounds {

  private static final Logger log = LoggerFactory.getLogger(FlexitiClerkRounds.class);
  /** Where a purchase or an application waits for the clerk; any other state has ended it. */
  private static final Set<FlowState> WAITING = Set.of(FlowState.STARTED, FlowState.AWAITING_VERIFICATION, FlowState.AWAITING_SHOPPER);

  private final GrpcDeadlines deadlines;
  private final FlowStatusProperties statusProperties;

  FlexitiClerkRounds(GrpcDeadlines deadlines, FlowStatusProperties statusProperties) {
    this.deadlines = deadlines;
    this.statusProperties = statusProperties;
  }

  /** Where a flow stands, as the clerk's input meets it. */
  record Standing(FlowState state, String round) {}

  /**
   * The Update id for an input awaited in state {@code awaited} ({@code input} names it for the
   * refusal); empty when the flow has ended or did not answer (the Update then goes without one).
   */
  Optional<String> updateId(String flowId, FlowState awaited, String input, Supplier<Standing> query) {
    Optional<Standing> standing = ask(flowId, query);
    if (standing.isEmpty() || !WAITING.contains(standing.get().state())) {
      return Optional.empty();
    }
    if (standing.get().state() != awaited) {
      throw new FlowStateConflictException(flowId, "The flow does not wait for " + input + " (" + standing.get().state() + ")");
    }
    return Optional.of(standing.get().round());
  }

  private Optional<Standing> ask(String flowId, Supplier<Standing> query) {
    try {
      return Optional.of(
          deadlines.within(Deadline.after(statusProperties.statusQueryWait().toMillis(), TimeUnit.MILLISECONDS), query));
    } catch (WorkflowNotFoundException noSuchFlow) {
      throw noSuchFlow;
    } catch (WorkflowQueryException | WorkflowServiceException unanswered) {
      log.warn("Flow {} did not answer where it stands in time; sending the clerk's input as an Update", flowId);
      return Optional.empty();
    }
  }
}
