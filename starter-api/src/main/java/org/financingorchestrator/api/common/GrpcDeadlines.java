package org.financingorchestrator.api.common;

import io.grpc.Context;
import io.grpc.Deadline;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs Temporal client calls under a gRPC deadline: every call they make inherits it from the
 * gRPC context, and the client's retries stop at it. This bounds calls the SDK has no timeout for
 * (an Update not yet accepted, a Query no worker answers).
 */
@Component
public class GrpcDeadlines implements DisposableBean {

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "grpc-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  /** The calls' result; a call still running at the deadline fails with DEADLINE_EXCEEDED. */
  public <R> R within(Deadline deadline, Supplier<R> calls) {
    Context.CancellableContext bounded = Context.current().withDeadline(deadline, timer);
    Context previous = bounded.attach();
    try {
      return calls.get();
    } finally {
      bounded.detach(previous);
      bounded.cancel(null);
    }
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
