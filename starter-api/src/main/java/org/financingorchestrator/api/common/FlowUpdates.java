package org.financingorchestrator.api.common;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateHandle;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends an Update to a flow and waits for its result, all within one bound, so that a request
 * never hangs (for example while no worker runs and the Update is never accepted). Temporal
 * answers "not found" both for a flow that never existed and for one that has finished; this
 * tells the two apart, so that a finished flow is answered with its state (409) and only an
 * unknown one with 404.
 */
@Component
public class FlowUpdates implements DisposableBean {

  private final FlowStatusReader statusReader;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "flow-update-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  public FlowUpdates(FlowStatusReader statusReader) {
    this.statusReader = statusReader;
  }

  /**
   * @param start sends the Update, waiting only until the flow accepted or refused it
   * @param wait how long the whole exchange may take; after it Temporal's client gives up with a
   *     timeout (answered 504: the flow may still answer a repeated request)
   */
  public <R> R send(String flowId, Supplier<WorkflowUpdateHandle<R>> start, Duration wait) {
    Deadline deadline = Deadline.after(wait.toMillis(), TimeUnit.MILLISECONDS);
    try {
      WorkflowUpdateHandle<R> handle = acceptedBefore(deadline, start);
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

  /** The gRPC calls that deliver the Update inherit the deadline of this context. */
  private <R> WorkflowUpdateHandle<R> acceptedBefore(
      Deadline deadline, Supplier<WorkflowUpdateHandle<R>> start) {
    Context.CancellableContext bounded = Context.current().withDeadline(deadline, deadlines);
    Context previous = bounded.attach();
    try {
      return start.get();
    } finally {
      bounded.detach(previous);
      bounded.cancel(null);
    }
  }

  private RuntimeException closedOr(String flowId, RuntimeException notRunning) {
    return statusReader
        .find(flowId)
        .<RuntimeException>map(status -> new FlowClosedException(flowId, status))
        .orElse(notRunning);
  }

  @Override
  public void destroy() {
    deadlines.shutdownNow();
  }
}
