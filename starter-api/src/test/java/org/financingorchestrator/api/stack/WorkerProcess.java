package org.financingorchestrator.api.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.api.TestPayloadKey;
import org.financingorchestrator.worker.WorkerApplication;

/**
 * The worker in a JVM of its own ({@link AppProcess}), so that a test can kill it with SIGKILL in
 * the middle of a flow.
 */
public final class WorkerProcess {

  private WorkerProcess() {}

  /**
   * Starts a worker on {@code temporalTarget}, each provider's client pointed at {@code
   * providerBaseUrls} (provider name to base URL), and waits until it is healthy (its workers start
   * polling as it reports UP).
   */
  public static AppProcess start(String name, String temporalTarget, Map<String, String> providerBaseUrls, String... arguments) {
    List<String> all = new ArrayList<>(List.of("--server.port=" + FreePorts.next(), "--spring.temporal.connection.target=" + temporalTarget));
    providerBaseUrls.forEach((provider, url) -> all.add("--providers." + provider + ".base-url=" + url));
    all.addAll(List.of(arguments));
    return AppProcess.start(name, WorkerApplication.class, all, TestPayloadKey.environment(), "-Xmx512m");
  }
}
