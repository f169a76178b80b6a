package org.financingorchestrator.worker.common;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import org.springframework.stereotype.Component;

/**
 * Runs activities on virtual threads when the JVM has them (Java 21+): activities spend their
 * time waiting on provider HTTP calls, up to 70 s for a capture. On Java 17 the platform thread
 * pool stays, so the Java 17 baseline still runs.
 */
@Component
public class VirtualThreadWorkers implements WorkerOptionsCustomizer {

  static final int FIRST_RUNTIME_WITH_VIRTUAL_THREADS = 21;

  @Override
  public WorkerOptions.Builder customize(
      WorkerOptions.Builder options, String workerName, String taskQueue) {
    if (Runtime.version().feature() >= FIRST_RUNTIME_WITH_VIRTUAL_THREADS) {
      options.setUsingVirtualThreadsOnActivityWorker(true);
    }
    return options;
  }
}
