package org.financingorchestrator.api.stack;

import java.util.concurrent.TimeUnit;

/** Processes a test starts never outlive the test JVM, and stop politely before forcibly. */
final class ChildProcesses {

  private ChildProcesses() {}

  static void stopOnExit(Process process) {
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + process.pid()));
  }

  /** SIGTERM, then SIGKILL if it has not ended in 15 s. */
  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        kill(process);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
    }
  }

  /** SIGKILL, as a crash: no shutdown hook, no graceful end of work in flight. */
  static void kill(Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
