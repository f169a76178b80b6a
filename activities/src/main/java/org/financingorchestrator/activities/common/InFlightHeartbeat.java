package org.financingorchestrator.activities.common;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heartbeats while a provider call is in flight, from a side thread, since the activity's own
 * thread is blocked in the HTTP call. A worker that dies mid-call then stops heartbeating, and
 * Temporal retries the attempt after the heartbeat timeout (seconds) instead of the whole
 * start-to-close (connect + read + margin: 85 s for an Afterpay capture); the provider's
 * idempotency key keeps the retried effect single. Calls whose options set no heartbeat timeout,
 * and calls outside an activity, run as they are.
 */
public final class InFlightHeartbeat {

  private static final ScheduledExecutorService BEATS =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "activity-heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  private InFlightHeartbeat() {}

  public static <T> T during(Supplier<T> call) {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInAnActivity) {
      return call.get();
    }
    Duration timeout = context.getInfo().getHeartbeatTimeout();
    if (timeout == null || timeout.isZero()) {
      return call.get();
    }
    // Three beats a timeout; the SDK itself throttles what it sends to the server. The first
    // comes a third of a timeout in, not at once: a call answered sooner (nearly all of them)
    // sends no heartbeat, each of which is a request and a write on the server (BENCHMARKS.md),
    // and a dead worker is still noticed within the timeout.
    long every = Math.max(timeout.toMillis() / 3, 100);
    ActivityExecutionContext beating = context;
    ScheduledFuture<?> beats =
        BEATS.scheduleAtFixedRate(() -> beat(beating), every, every, TimeUnit.MILLISECONDS);
    try {
      return call.get();
    } finally {
      beats.cancel(false);
    }
  }

  private static void beat(ActivityExecutionContext context) {
    try {
      context.heartbeat(null);
    } catch (ActivityCompletionException attemptOver) {
      // Cancelled or timed out: the attempt ends with the call; nothing to do here.
    } catch (RuntimeException transientFailure) {
      // A missed beat is retried at the next one; the timeout tolerates a few.
    }
  }
}
