package org.financingorchestrator.api.common;

import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import org.financingorchestrator.workflows.common.FlowMemo;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.client.WorkflowUpdateHandle;
import java.time.Duration;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.springframework.stereotype.Component;

/**
 * Sends an Update to a flow (or starts the flow with it) and waits for its result, all within one
 * bound, so that a request never hangs (for example while no worker runs and the Update is never
 * accepted). The one place that decides a flow has closed: Temporal answers "not found" both for
 * a flow that never existed and for one that has finished, and a start refused by the reuse
 * policy means a flow with this id finished; a finished flow is answered with its state (409) and
 * only an unknown one with 404.
 */
@Component
public class FlowUpdateSender {

  /** The server's failure type for an accepted Update whose flow completed before it did. */
  static final String ACCEPTED_UPDATE_COMPLETED_WORKFLOW = "AcceptedUpdateCompletedWorkflow";

  private final WorkflowClient client;
  private final FlowStatusReader statusReader;
  private final ShutdownSignal shutdown;
  private final GrpcDeadlines deadlines;

  /**
   * Pauses before sending again an Update refused while the flow continues as new, or dropped by
   * the server when the flow's task failed.
   */
  private static final long FIRST_PAUSE_MILLIS = 50;
  private static final long MAX_PAUSE_MILLIS = 1_000;

  public FlowUpdateSender(
      WorkflowClient client, FlowStatusReader statusReader, GrpcDeadlines deadlines, ShutdownSignal shutdown) {
    this.client = client;
    this.shutdown = shutdown;
    this.statusReader = statusReader;
    this.deadlines = deadlines;
  }

  /**
   * Starts any provider's flow with its first Update (Update-with-Start) and waits for the
   * Update's answer, as {@link #send}. The same id again attaches to the running flow
   * (USE_EXISTING); a flow whose run failed (it created nothing at the provider) starts again
   * (ALLOW_DUPLICATE_FAILED_ONLY); a flow that finished otherwise is never started again: its state
   * is answered (409).
   */
  public <R> R start(FlowStart start, String updateName, Class<R> resultType, Object updateArgument, Duration wait) {
    WorkflowStub flow =
        client.newUntypedWorkflowStub(
            start.workflowType(),
            WorkflowOptions.newBuilder()
                .setWorkflowId(start.flowId())
                .setTaskQueue(start.taskQueue())
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .setStaticSummary(FlowStaticText.summary(start))
                .setStaticDetails(FlowStaticText.details(start))
                // A flow no worker has picked up yet still has a status to answer.
                .setMemo(FlowMemo.started(
                        start.flowId(), start.provider(), start.merchantId(), start.merchantReference(), start.orderAmount()))
                .build());
    UpdateOptions<R> untilAccepted =
        UpdateOptions.newBuilder(resultType)
            .setUpdateName(updateName)
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .build();
    return send(
        start.flowId(),
        () -> flow.startUpdateWithStart(untilAccepted, new Object[] {updateArgument}, new Object[] {start.input()}),
        wait);
  }

  /**
   * @param start sends the Update, waiting only until the flow accepted or refused it
   * @param wait how long the whole exchange may take; after it Temporal's client gives up with a
   *     timeout (answered 504: the flow may still answer a repeated request)
   */
  public <R> R send(String flowId, Supplier<WorkflowUpdateHandle<R>> start, Duration wait) {
    Deadline deadline = Deadline.after(wait.toMillis(), TimeUnit.MILLISECONDS);
    long pause = FIRST_PAUSE_MILLIS;
    while (true) {
      try {
        return sendOnce(flowId, start, deadline);
      } catch (WorkflowUpdateException refused) {
        if (completedFirst(refused)) {
          throw closedOr(flowId, refused);
        }
        // A flow handing over to its next run refuses new requests for a moment: send it again.
        if (UpdateFailure.of(refused.getCause()).refusal() != FlowRefusal.CONTINUING
            || deadline.timeRemaining(TimeUnit.MILLISECONDS) <= pause) {
          throw refused;
        }
        pauseFor(pause);
        pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
      } catch (WorkflowServiceException | StatusRuntimeException lost) {
        // The flow's task failed while the Update waited to be accepted (a completion that met
        // new events, UnhandledCommand, retried by the worker at once): the server dropped the
        // Update without writing it, so sending it again is safe, and the flow's next task takes it
        // or the flow has ended and its state answers.
        if (!TemporalRefusals.updateDroppedByTaskFailure(lost)
            || deadline.timeRemaining(TimeUnit.MILLISECONDS) <= pause) {
          throw lost;
        }
        pauseFor(pause);
        pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
      }
    }
  }

  private <R> R sendOnce(String flowId, Supplier<WorkflowUpdateHandle<R>> start, Deadline deadline) {
    try {
      // The gRPC calls that deliver the Update inherit the deadline.
      WorkflowUpdateHandle<R> handle = deadlines.within(deadline, start);
      long left = Math.max(deadline.timeRemaining(TimeUnit.MILLISECONDS), 1);
      return resultUnlessStopping(flowId, handle.getResultAsync(left, TimeUnit.MILLISECONDS));
    } catch (WorkflowNotFoundException notRunning) {
      throw closedOr(flowId, notRunning);
    } catch (WorkflowServiceException e) {
      if (alreadyClosed(e)) {
        throw closedOr(flowId, e);
      }
      throw e;
    } catch (StatusRuntimeException e) {
      // An Update's result poll reports a flow that closed meanwhile as a bare NOT_FOUND.
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw closedOr(flowId, e);
      }
      throw e;
    }
  }

  /**
   * The Update's result, or {@link ShuttingDownException} as soon as the app starts stopping: the
   * Update goes on in the flow, and the repeated request attaches to it.
   */
  private <R> R resultUnlessStopping(String flowId, CompletableFuture<R> result) {
    try {
      CompletableFuture.anyOf(result, shutdown.stopping()).join();
    } catch (CompletionException | CancellationException failedOrCancelled) {
      // The result's own failure is thrown below, as getResult would throw it.
    }
    if (!result.isDone()) {
      throw new ShuttingDownException(flowId);
    }
    try {
      return result.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw failed;
    }
  }

  private static void pauseFor(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to send an Update again", e);
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

  /**
   * The flow accepted the Update but ended before answering it (the shopper's return at the very
   * instant the order expired, say): the request is answered as for a flow that has ended, from
   * what the flow recorded.
   */
  private static boolean completedFirst(WorkflowUpdateException refused) {
    return refused.getCause() instanceof ApplicationFailure failure
        && ACCEPTED_UPDATE_COMPLETED_WORKFLOW.equals(failure.getType());
  }

  private static boolean alreadyClosed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WorkflowExecutionAlreadyStarted) {
        return true;
      }
      if (t instanceof StatusRuntimeException grpc && grpc.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return true;
      }
    }
    return false;
  }

  private RuntimeException closedOr(String flowId, RuntimeException notRunning) {
    return statusReader
        .find(flowId)
        .<RuntimeException>map(answer -> new FlowClosedException(flowId, answer.status()))
        .orElse(notRunning);
  }
}
