package org.financingorchestrator.api.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.TestPayloadKey;
import org.financingorchestrator.worker.WorkerApplication;

/**
 * The worker in a JVM of its own, as in production, so that a test can kill it with SIGKILL in
 * the middle of a flow. Runs the worker's main class from this test's classpath.
 */
public final class WorkerProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private WorkerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a worker and waits until it is healthy (its workers start polling as it reports UP). */
  public static WorkerProcess start(String name, String temporalTarget, String afterpayBaseUrl) {
    int port = FreePorts.next();
    Path log = Path.of("target", "temporal", name + ".log").toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerApplication.class.getName()));
    command.add("--server.port=" + FreePorts.next());
    // Health is served on the management port only.
    command.add("--management.server.port=" + port);
    command.add("--spring.temporal.connection.target=" + temporalTarget);
    command.add("--providers.afterpay.base-url=" + afterpayBaseUrl);
    Process process;
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      // The run's payload key, by environment as run.sh gives it: a command line is visible to ps.
      builder.environment().putAll(TestPayloadKey.environment());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChildProcesses.stopOnExit(process);
    WorkerProcess worker = new WorkerProcess(process, port, log);
    worker.awaitHealthy();
    return worker;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: the worker dies with whatever it had in flight. */
  public void kill() {
    ChildProcesses.kill(process);
  }

  private void awaitHealthy() {
    Awaitility.await("worker on port " + port + " (log: " + log + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .failFast("the worker exited; see " + log, () -> !process.isAlive())
        .until(
            () ->
                HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains("\"status\":\"UP\""));
  }

  @Override
  public void close() {
    ChildProcesses.stop(process);
  }
}
