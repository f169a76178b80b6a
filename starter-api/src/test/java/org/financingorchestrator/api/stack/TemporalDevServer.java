package org.financingorchestrator.api.stack;

import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.financingorchestrator.worker.common.SearchAttributeFlags;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;

/**
 * The real Temporal dev server ({@code temporal server start-dev}) as a child process on free
 * ports, with its state in a SQLite file under {@code target/}, the flows' search attributes
 * declared at start exactly as the local stack declares them. Restartable on the same file, so a
 * test can show that flows survive the server's own restart.
 */
public final class TemporalDevServer implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private final Path cli;
  private final Path database;
  private final Path log;
  private final int port;
  private final Integer uiPort;
  private final URI uiCodecEndpoint;
  private Process process;

  private TemporalDevServer(Path cli, Path database, Path log, int port, Integer uiPort, URI uiCodecEndpoint) {
    this.cli = cli;
    this.database = database;
    this.log = log;
    this.port = port;
    this.uiPort = uiPort;
    this.uiCodecEndpoint = uiCodecEndpoint;
  }

  /** A server with no UI and a fresh database {@code target/temporal/<name>.db}. */
  public static TemporalDevServer start(String name) {
    return start(name, false);
  }

  /** As {@link #start(String)}, with the Temporal UI on a free port when {@code withUi}. */
  public static TemporalDevServer start(String name, boolean withUi) {
    return start(name, withUi, null);
  }

  /**
   * As {@link #start(String, boolean)}, the UI showing payloads through the codec server at
   * {@code uiCodecEndpoint} ({@code --ui-codec-endpoint}, as deploy/local/run.sh starts it): the
   * operator's browser calls it, so that server must allow the UI's origin ({@link #uiUrl()}) by
   * CORS. Without a login the UI sends no token: the codec server must let this machine in without
   * one. Null: no codec endpoint, and the UI shows payloads as the server holds them.
   */
  public static TemporalDevServer start(String name, boolean withUi, URI uiCodecEndpoint) {
    if (uiCodecEndpoint != null && !withUi) {
      throw new IllegalArgumentException("A codec endpoint is for the UI: start the server with its UI");
    }
    Path cli = TemporalCli.path();
    Path dir = Path.of("target", "temporal").toAbsolutePath();
    try {
      Files.createDirectories(dir);
      for (String suffix : List.of(".db", ".db-wal", ".db-shm")) {
        Files.deleteIfExists(dir.resolve(name + suffix));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TemporalDevServer server =
        new TemporalDevServer(
            cli,
            dir.resolve(name + ".db"),
            dir.resolve(name + ".log"),
            FreePorts.next(),
            withUi ? FreePorts.next() : null,
            uiCodecEndpoint);
    server.launch();
    return server;
  }

  /** host:port of the gRPC frontend, for {@code spring.temporal.connection.target}. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  /** The UI's base URL; only for a server started with the UI. */
  public String uiUrl() {
    if (uiPort == null) {
      throw new IllegalStateException("This dev server was started without its UI");
    }
    return "http://127.0.0.1:" + uiPort;
  }

  /** Stops the server and starts it again on the same port and database. */
  public void restart() {
    stop();
    launch();
  }

  private void launch() {
    List<String> command = new ArrayList<>();
    command.add(cli.toString());
    command.addAll(List.of("server", "start-dev", "--ip", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(List.of("--http-port", Integer.toString(FreePorts.next())));
    command.addAll(List.of("--metrics-port", Integer.toString(FreePorts.next())));
    command.addAll(List.of("--db-filename", database.toString(), "--log-level", "warn"));
    if (uiPort == null) {
      command.add("--headless");
    } else {
      command.addAll(List.of("--ui-port", Integer.toString(uiPort), "--ui-disable-news-fetch"));
      if (uiCodecEndpoint != null) {
        command.addAll(List.of("--ui-codec-endpoint", uiCodecEndpoint.toString()));
      }
    }
    command.addAll(SearchAttributeFlags.flags());
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + cli, e);
    }
    ChildProcesses.stopOnExit(process);
    awaitReady();
  }

  /** Ready when the default namespace answers and our search attributes are declared. */
  private void awaitReady() {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    try {
      OperatorServiceStubs operator =
          OperatorServiceStubs.newServiceStubs(
              OperatorServiceStubsOptions.newBuilder().setChannel(stubs.getRawChannel()).validateAndBuildWithDefaults());
      Awaitility.await("the Temporal dev server (log: " + log + ")")
          .atMost(READY_WITHIN)
          .pollInterval(Duration.ofMillis(200))
          .ignoreException(StatusRuntimeException.class)
          .failFast("the Temporal dev server exited; see " + log, () -> !process.isAlive())
          .until(
              () -> {
                stubs.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)
                    .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
                return operator.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)
                    .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace("default").build())
                    .getCustomAttributesMap()
                    .keySet()
                    .containsAll(FlowSearchAttributes.DEFINITIONS.keySet());
              });
    } finally {
      stubs.shutdownNow();
    }
  }

  private void stop() {
    ChildProcesses.stop(process);
  }

  @Override
  public void close() {
    if (process != null) {
      stop();
    }
  }
}
