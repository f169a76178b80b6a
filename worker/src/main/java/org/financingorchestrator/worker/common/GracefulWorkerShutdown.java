package org.financingorchestrator.worker.common;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM the workers stop polling at once and the tasks they hold (a provider call in flight)
 * finish, for at most {@code worker.shutdown.activity-grace}; what is still running then is
 * abandoned to Temporal, which retries it on another worker after its heartbeat timeout, with the
 * same idempotency key. Runs when the context starts closing, before any bean stops, so the clients
 * the activities use are still there while they finish (and not when a test pauses a cached
 * context, which a lifecycle stop would be). Keep the grace below the platform's own (Kubernetes:
 * 30 s by default).
 */
@Component
public class GracefulWorkerShutdown implements ApplicationListener<ContextClosedEvent> {

  private static final Logger log = LoggerFactory.getLogger(GracefulWorkerShutdown.class);

  private final WorkerFactory workers;
  private final Duration grace;

  public GracefulWorkerShutdown(
      WorkerFactory workers, @Value("${worker.shutdown.activity-grace:PT20S}") Duration grace) {
    this.workers = workers;
    this.grace = grace;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent closed) {
    stop();
  }

  /** Stops polling and waits, at most the grace, for the tasks in hand. */
  public void stop() {
    log.info("Stopping: no more polling; tasks in hand get up to {} to finish", grace);
    workers.shutdown();
    workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    if (workers.isTerminated()) {
      log.info("Every task in hand finished");
    } else {
      log.warn("Tasks still running after {}: Temporal retries them elsewhere once their heartbeat stops", grace);
      workers.shutdownNow();
    }
  }

}
