package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.api.LocalTools.Found;
import org.financingorchestrator.api.TemporalUiPage.Listing;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operators find flows in the Temporal UI by the flows' search attributes. The real dev server of
 * the pinned CLI, two flows started with their attributes (no worker runs them: the list shows
 * executions, not progress), and the UI's list filtered by a query, in a real browser.
 */
class TemporalUiTest {

  private static final String NAMESPACE = "default";
  private static final Path OUT = Path.of("target/temporal-ui");
  private static final String CAPTURED = "afterpay-ui-captured-1";
  private static final String DECLINED = "afterpay-ui-declined-1";

  /** Why the server or the browser could not be had; each test is skipped with it. */
  private static String unavailable;
  private static Process server;
  private static WorkflowServiceStubs service;
  private static TemporalUiPage page;

  @BeforeAll
  static void startTheDevServerWithTwoFlowsAndABrowser() throws IOException {
    Found<List<Path>> cli = LocalTools.find("temporal");
    if (cli.value().isEmpty()) {
      unavailable("No Temporal CLI for the dev server and its UI: " + cli.why());
      return;
    }
    Found<TemporalUiPage.Chromium> chromium = TemporalUiPage.chromium();
    if (chromium.value().isEmpty()) {
      unavailable("No browser for the Temporal UI: " + chromium.why());
      return;
    }

    int[] ports = freePorts(4);
    startDevServer(cli.value().get().get(0), ports[0], ports[1], ports[2], ports[3]);
    WorkflowClient client =
        WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    startFlow(client, CAPTURED, "CAPTURED");
    startFlow(client, DECLINED, "DECLINED");

    page = TemporalUiPage.open(chromium.value().get(), URI.create("http://127.0.0.1:" + ports[1]), NAMESPACE);
  }

  @BeforeEach
  void skippedWhenUnavailable() {
    // Here, not in @BeforeAll: Surefire reports a class aborted there as no test at all, silently.
    if (unavailable != null) {
      Assumptions.abort(unavailable);
    }
  }

  @AfterAll
  static void stopTheBrowserAndTheServer() throws InterruptedException {
    if (page != null) {
      page.close();
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (server != null) {
      server.destroy();
      if (!server.waitFor(15, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aQueryOnProviderAndStateListsTheCapturedFlowAndNotTheDeclinedOne() throws IOException {
    // First the declined flow where the query lets it show, so its absence below is the filter's.
    Listing provider = page.listShowing("FlowProvider = \"afterpay\"", DECLINED, OUT.resolve("afterpay.png"));
    assertThat(provider.workflowIds()).as(provider.url().toString()).contains(CAPTURED, DECLINED);

    Listing captured =
        page.listShowing(
            "FlowProvider = \"afterpay\" AND FlowState = \"CAPTURED\"", CAPTURED, OUT.resolve("afterpay-captured.png"));
    assertThat(captured.workflowIds()).as(captured.url().toString()).containsExactly(CAPTURED);
  }

  /** Where the server or the browser cannot be had: skipped with why, but failed in CI, which must run it. */
  private static void unavailable(String why) {
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(why);
    }
    unavailable = why;
  }

  /** {@code temporal server start-dev} with the flows' search attributes, answering gRPC. */
  private static void startDevServer(Path cli, int port, int uiPort, int httpPort, int metricsPort) throws IOException {
    Files.createDirectories(OUT);
    Path db = OUT.resolve("dev-server.db");
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Files.deleteIfExists(Path.of(db + suffix)); // a fresh history: only this run's flows
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                cli.toString(), "server", "start-dev",
                "--ip", "127.0.0.1",
                "--port", String.valueOf(port),
                "--ui-port", String.valueOf(uiPort),
                "--http-port", String.valueOf(httpPort),
                "--metrics-port", String.valueOf(metricsPort),
                "--db-filename", db.toString()));
    FlowSearchAttributes.DEFINITIONS.forEach(
        (name, type) -> command.addAll(List.of("--search-attribute", name + "=" + cliTypeName(type))));
    Path log = OUT.resolve("dev-server.log");
    server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    try {
      // Wait-for-ready: the call waits for the port to open, up to its deadline.
      service
          .blockingStub()
          .withWaitForReady()
          .withDeadlineAfter(60, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw new IllegalStateException(
          "The dev server did not answer in 60 s (" + (server.isAlive() ? "running" : "exited") + "); see " + log, e);
    }
  }

  /** The CLI's names for the types of {@code --search-attribute NAME=TYPE}. */
  private static String cliTypeName(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> throw new IllegalArgumentException("No CLI name for " + type);
    };
  }

  /** A flow as the list sees it: an execution with the attributes a flow in that state carries. */
  private static void startFlow(WorkflowClient client, String flowId, String state) {
    SearchAttributes attributes =
        SearchAttributes.newBuilder()
            .set(FlowSearchAttributes.PROVIDER, "afterpay")
            .set(FlowSearchAttributes.STATE, state)
            .set(FlowSearchAttributes.MERCHANT_REFERENCE, flowId.substring("afterpay-".length()))
            .set(FlowSearchAttributes.AMOUNT_MINOR_UNITS, 2185L)
            .set(FlowSearchAttributes.CURRENCY, "USD")
            .build();
    client
        .newUntypedWorkflowStub(
            "TemporalUiTestFlow",
            WorkflowOptions.newBuilder()
                .setWorkflowId(flowId)
                .setTaskQueue("temporal-ui-test-no-worker")
                .setTypedSearchAttributes(attributes)
                .build())
        .start();
  }

  /** Distinct free loopback ports: all held open until each is chosen, so none repeats. */
  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
