package org.financingorchestrator.worker.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.MetricsType;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.financingorchestrator.worker.WorkerApplication;
import org.financingorchestrator.workflows.afterpay.AfterpayCallbacks;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutInput;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayConsumer;
import org.financingorchestrator.workflows.afterpay.AfterpayContact;
import org.financingorchestrator.workflows.afterpay.AfterpayItem;
import org.financingorchestrator.workflows.afterpay.AfterpayMerchantRedirects;
import org.financingorchestrator.workflows.common.BusinessMeters;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.codec.PayloadKeyring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker as it runs (metrics export on, as outside tests), on Temporal's in-process test
 * server, with an Afterpay that answers 503 once, then refuses: one flow started, a call retried,
 * then given up, the flow FAILED. Its /actuator/prometheus shows the business metrics with their
 * own tags only, the histograms with their SLO buckets, and every metric the dashboard reads.
 */
class WorkerMetricsTest {

  private static final Path DASHBOARD = Path.of("../deploy/grafana/dashboards/financing-orchestrator.json");
  private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? .*$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static HttpServer afterpay;
  private static final AtomicInteger configurationCalls = new AtomicInteger();
  private static ConfigurableApplicationContext worker;
  private static HttpClient http = HttpClient.newHttpClient();
  private static String scrape;

  @BeforeAll
  static void runAFlowThatRetriesThenGivesUp() throws IOException {
    afterpay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    afterpay.createContext(
        "/afterpay/v1/configuration",
        exchange -> {
          boolean first = configurationCalls.incrementAndGet() == 1;
          byte[] body =
              (first
                      ? "{\"errorCode\":\"service_unavailable\",\"errorId\":\"e-1\",\"message\":\"maintenance\",\"httpStatusCode\":503}"
                      : "{\"errorCode\":\"unauthorized\",\"errorId\":\"e-2\",\"message\":\"no\",\"httpStatusCode\":401}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(first ? 503 : 401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    afterpay.start();
    worker =
        WorkerApplication.application()
            .run(
                "--spring.temporal.test-server.enabled=true",
                "--server.port=0",
                "--management.server.port=0",
                "--payload-encryption.keys.test=" + PayloadKeyring.newBase64Key(),
                "--providers.afterpay.base-url=http://127.0.0.1:" + afterpay.getAddress().getPort() + "/afterpay");
    WorkflowClient client = worker.getBean(WorkflowClient.class);
    AfterpayCheckoutWorkflow flow =
        client.newWorkflowStub(
            AfterpayCheckoutWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("afterpay-metrics-1")
                .setTaskQueue(AfterpayCheckoutWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(flow::run, input());
    // Temporal reports counters every 10 s.
    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> (scrape = get("/actuator/prometheus").body()).contains("financing_flows_ended_total{"));
    scrape = get("/actuator/prometheus").body();
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.close();
    }
    afterpay.stop(0);
  }

  @Test
  void businessMetricsCarryOnlyTheirOwnTagsAndTheApplications() {
    List<String> business = scrape.lines().filter(line -> line.startsWith(BusinessMeters.PREFIX)).toList();

    assertThat(business)
        .anyMatch(line -> line.startsWith("financing_flows_started_total{application=\"financing-orchestrator-worker\",provider=\"afterpay\"}"))
        .anyMatch(line -> line.startsWith("financing_flows_ended_total{application=\"financing-orchestrator-worker\",outcome=\"FAILED\",provider=\"afterpay\"}"))
        .anyMatch(line -> line.startsWith("financing_provider_calls_retried_total{application=\"financing-orchestrator-worker\",call=\"get_configuration\",provider=\"afterpay\"}"))
        .anyMatch(line -> line.startsWith("financing_provider_calls_given_up_total{application=\"financing-orchestrator-worker\",call=\"get_configuration\",provider=\"afterpay\",reason=\"non_retryable_failure\"}"));
    for (String line : business) {
      Matcher series = SERIES.matcher(line);
      assertThat(series.matches()).as(line).isTrue();
      String metric = base(series.group(1));
      Set<String> allowed = new HashSet<>(BusinessMeters.TAGS.get(metric));
      allowed.addAll(Set.of("application", "le"));
      Matcher label = LABEL.matcher(series.group(2) == null ? "" : series.group(2));
      while (label.find()) {
        assertThat(allowed).as(line).contains(label.group(1));
        assertThat(label.group(2)).as(line).isNotEqualTo("none");
      }
    }
  }

  @Test
  void histogramsHaveTheirSloBuckets() {
    Set<String> durationBuckets = bucketsOf("financing_flow_duration_seconds_bucket");
    Set<String> waitBuckets = bucketsOf("financing_flow_wait_seconds_bucket");

    assertThat(durationBuckets).isEqualTo(expected(BusinessMeters.DURATION_BUCKETS));
    assertThat(waitBuckets).isEqualTo(expected(BusinessMeters.WAIT_BUCKETS));
  }

  @Test
  void theDashboardReadsOnlyMetricsTheAppsExpose() throws IOException, IllegalAccessException {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    Set<String> exposed = scrape.lines().map(SERIES::matcher).filter(Matcher::matches).map(m -> m.group(1)).collect(Collectors.toSet());
    exposed.addAll(BusinessMeters.prometheusNames());
    exposed.addAll(temporalMetricNames());
    Set<String> read = new TreeSet<>();
    for (JsonNode expr : dashboard.findValues("expr")) {
      Matcher name = Pattern.compile("\\b((?:financing|temporal)_[a-zA-Z0-9_]+)").matcher(expr.asText());
      while (name.find()) {
        read.add(name.group(1));
      }
    }

    assertThat(read).isNotEmpty().allSatisfy(name -> assertThat(exposed).as("exposed metrics").contains(name));
    // And every business metric has a panel.
    assertThat(BusinessMeters.TAGS.keySet()).allSatisfy(metric -> assertThat(read).anyMatch(name -> base(name).equals(metric)));
    assertThat(dashboard.findValues("datasource")).allSatisfy(ds -> assertThat(ds.path("uid").asText()).isEqualTo("prometheus"));
  }

  @Test
  void temporalIsUpInReadinessNotInLiveness() throws IOException {
    HttpResponse<String> readiness = get("/actuator/health/readiness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(json(readiness).at("/components/temporal/status").asText()).isEqualTo("UP");
    JsonNode liveness = json(get("/actuator/health/liveness"));
    assertThat(liveness.path("components").has("livenessState")).isTrue();
    assertThat(liveness.path("components").has("temporal")).isFalse();
    // The whole health stays a bare status, as scripts read it.
    assertThat(json(get("/actuator/health")).has("components")).as(get("/actuator/health").body()).isFalse();
  }

  @Test
  void temporalIsDownWithTheReasonWhenItCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WorkflowServiceStubs nowhere =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + closedPort).build());
    try {
      Health health = new TemporalHealthConfiguration().temporalHealthIndicator(nowhere).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("target", "127.0.0.1:" + closedPort);
      assertThat((String) health.getDetails().get("reason")).matches("(UNAVAILABLE|DEADLINE_EXCEEDED): .*");
    } finally {
      nowhere.shutdownNow();
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return new ObjectMapper().readTree(response.body());
  }

  /**
   * The Temporal SDK's metric names (MetricsType), as Prometheus series of any meter type: some
   * show only once something happened (a workflow task failing).
   */
  private static Set<String> temporalMetricNames() throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Field field : MetricsType.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String name = (String) field.get(null);
        Stream.of("", "_total", "_seconds_bucket", "_seconds_count", "_seconds_sum").forEach(s -> names.add(name + s));
      }
    }
    return names;
  }

  private static Set<String> bucketsOf(String series) {
    Pattern le = Pattern.compile("le=\"([^\"]+)\"");
    return scrape.lines()
        .filter(line -> line.startsWith(series + "{"))
        .map(le::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .collect(Collectors.toSet());
  }

  private static Set<String> expected(List<Duration> buckets) {
    Set<String> les = buckets.stream().map(d -> String.valueOf(d.toMillis() / 1000.0)).collect(Collectors.toSet());
    les.add("+Inf");
    return les;
  }

  /** The metric a Prometheus series belongs to. */
  private static String base(String series) {
    return Arrays.stream(new String[] {"_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max", "_total"})
        .filter(series::endsWith)
        .findFirst()
        .map(suffix -> series.substring(0, series.length() - suffix.length()))
        .orElse(series);
  }

  private static HttpResponse<String> get(String path) {
    String port = worker.getEnvironment().getProperty("local.management.port");
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static AfterpayCheckoutInput input() {
    Money total = Money.of("10.00", "USD");
    AfterpayContact address =
        new AfterpayContact("Joe Consumer", "75 Queen St", null, null, "New York", "10001", "US", "2120000000");
    AfterpayCheckoutRequest request =
        new AfterpayCheckoutRequest(
            "metrics-1", total, new AfterpayConsumer("2120000000", "Joe", "Consumer", "joe@example.com"), address,
            address, null, "One widget", List.of(new AfterpayItem("widget", "1", 1, total)), List.of(),
            Money.of("0.00", "USD"), Money.of("0.00", "USD"),
            new AfterpayMerchantRedirects("https://shop.example/ok", "https://shop.example/cart"));
    return new AfterpayCheckoutInput(
        request,
        new AfterpayCallbacks("https://api.example/confirm", "https://api.example/cancel"),
        Duration.ofDays(1),
        "demo");
  }
}
