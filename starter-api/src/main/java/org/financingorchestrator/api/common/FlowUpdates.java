package org.financingorchestrator.api.common;

import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateHandle;
import java.time.Duration;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sends an Update to a flow and waits for its result, all within one bound, so that a request
 * never hangs (for example while no worker runs and the Update is never accepted). Temporal
 * answers "not found" both for a flow that never existed and for one that has finished; this
 * tells the two apart, so that a finished flow is answered with its state (409) and only an
 * unknown one with 404.
 */
@Component
public class FlowUpdates {

  private final FlowStatusReader statusReader;
  private final GrpcDeadlines deadlines;

  public FlowUpdates(FlowStatusReader statusReader, GrpcDeadlines deadlines) {
    this.statusReader = statusReader;
    this.deadlines = deadlines;
  }

  /**
   * @param start sends the Update, waiting only until the flow accepted or refused it
   * @param wait how long the whole exchange may take; after it Temporal's client gives up with a
   *     timeout (answered 504: the flow may still answer a repeated request)
   */
  public <R> R send(String flowId, Supplier<WorkflowUpdateHandle<R>> start, Duration wait) {
    Deadline deadline = Deadline.after(wait.toMillis(), TimeUnit.MILLISECONDS);
    try {
      // The gRPC calls that deliver the Update inherit the deadline.
      WorkflowUpdateHandle<R> handle = deadlines.within(deadline, start);
      long left = Math.max(deadline.timeRemaining(TimeUnit.MILLISECONDS), 1);
      return handle.getResult(left, TimeUnit.MILLISECONDS);
    } catch (WorkflowNotFoundException notRunning) {
      throw closedOr(flowId, notRunning);
    } catch (StatusRuntimeException e) {
      // An Update's result poll reports a flow that closed meanwhile as a bare NOT_FOUND.
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw closedOr(flowId, e);
      }
      throw e;
    }
  }

  /**
   * As {@link #send}, for an Update that may take longer than anyone waits (an effect being
   * settled): empty when the flow accepted it but has not completed it within {@code wait}. The
   * Update goes on; sending it again with the same id attaches to it. One the flow has not even
   * accepted in time still times out (the flow may yet refuse it).
   */
  public <R> Optional<R> sendOrPending(String flowId, Supplier<WorkflowUpdateHandle<R>> start, Duration wait) {
    AtomicBoolean accepted = new AtomicBoolean();
    try {
      return Optional.of(
          send(
              flowId,
              () -> {
                WorkflowUpdateHandle<R> handle = start.get();
                accepted.set(true);
                return handle;
              },
              wait));
    } catch (WorkflowUpdateTimeoutOrCancelledException stillInFlight) {
      if (accepted.get()) {
        return Optional.empty();
      }
      throw stillInFlight;
    }
  }

  private RuntimeException closedOr(String flowId, RuntimeException notRunning) {
    return statusReader
        .find(flowId)
        .<RuntimeException>map(answer -> new FlowClosedException(flowId, answer.status()))
        .orElse(notRunning);
  }
}
