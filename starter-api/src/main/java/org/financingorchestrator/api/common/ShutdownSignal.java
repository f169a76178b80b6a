package org.financingorchestrator.api.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells requests that wait on a flow that the app is stopping. It stops first of all lifecycle
 * beans, before the web server's graceful shutdown waits for requests in flight, so a request
 * waiting minutes for a stuck flow ends at once with a retryable answer ({@link ShuttingDownException})
 * instead of holding the shutdown up; requests that can be answered are, as the server drains.
 */
@Component
public class ShutdownSignal implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShutdownSignal.class);

  private final AtomicReference<CompletableFuture<Void>> stopping = new AtomicReference<>(new CompletableFuture<>());
  private volatile boolean running;

  /** Completes when the app starts stopping. */
  public CompletableFuture<Void> stopping() {
    return stopping.get();
  }

  /** Also after a stop: a context can be stopped and started again (Spring pauses idle test contexts). */
  @Override
  public void start() {
    stopping.updateAndGet(signal -> signal.isDone() ? new CompletableFuture<>() : signal);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (stopping.get().complete(null)) {
      log.info("Stopping: requests still waiting on a flow are answered 503, to be repeated");
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server's graceful shutdown (which stops at a lower phase). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
