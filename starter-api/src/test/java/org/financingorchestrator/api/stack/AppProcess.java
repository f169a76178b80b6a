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
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One of the stack's apps (worker, starter-api, sandbox) in a JVM of its own, as in production, so
 * a test can kill it with SIGKILL and start it again on the same ports. Runs the app's main class
 * from this test's classpath; its output goes to {@code target/temporal/<name>.log}, appended
 * across restarts.
 */
public final class AppProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final int managementPort;
  private final Path log;
  private Process process;
  private int starts;

  private AppProcess(String name, List<String> command, Map<String, String> environment, int managementPort, Path log) {
    this.name = name;
    this.command = command;
    this.environment = environment;
    this.managementPort = managementPort;
    this.log = log;
  }

  /**
   * Starts {@code mainClass} with {@code arguments} (its {@code --management.server.port} is added:
   * health is read there) and {@code environment}, and waits until its health is UP.
   */
  public static AppProcess start(
      String name, Class<?> mainClass, List<String> arguments, Map<String, String> environment, String... jvmOptions) {
    int managementPort = FreePorts.next();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // As deploy/local/run.sh starts the apps: a quick start over peak throughput.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(arguments);
    command.add("--management.server.port=" + managementPort);
    AppProcess app =
        new AppProcess(name, List.copyOf(command), Map.copyOf(environment), managementPort, Path.of("target", "temporal", name + ".log").toAbsolutePath());
    app.launch();
    return app;
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** How many times it was started, the first included. */
  public int starts() {
    return starts;
  }

  /** SIGKILL: the app dies with whatever it had in flight; no shutdown hook runs. */
  public void kill() {
    ChildProcesses.kill(process);
  }

  /** SIGTERM, as an orchestrator stops a pod; answers whether it ended within {@code within}. */
  public boolean terminate(Duration within) {
    process.destroy();
    try {
      return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts it again with the same command (ports included) and waits until it is healthy. */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    launch();
  }

  private void launch() {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      // Keys by environment, as run.sh gives them: a command line is visible to ps.
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    starts++;
    ChildProcesses.stopOnExit(process);
    awaitHealthy();
  }

  private void awaitHealthy() {
    Process started = process;
    Awaitility.await(name + " healthy on management port " + managementPort + " (log: " + log + ")")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .failFast(name + " exited; see " + log, () -> !started.isAlive())
        .until(
            () ->
                HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains("\"status\":\"UP\""));
  }

  @Override
  public void close() {
    if (process != null) {
      ChildProcesses.stop(process);
    }
  }
}
