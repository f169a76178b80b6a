package org.financingorchestrator.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.financingorchestrator.worker.common.SearchAttributeFlags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The compose stack, Prometheus's configuration and Temporal's Helm values say what the apps
 * really are: the images Jib builds, the ports the apps listen on, properties the apps have, the
 * search attributes the workflows upsert. Reads both sides; needs no tool (the rendered Kubernetes
 * manifests are checked in {@link DeployRendersTest}).
 */
class DeployMatchesAppsTest {

  @ParameterizedTest
  @EnumSource(App.class)
  void composeRunsTheImageJibBuildsWithTheAppsPorts(App app) {
    Map<String, Object> service = Deploy.composeServices().get(app.name);

    assertThat(service.get("image")).isEqualTo(Deploy.jibImage(app));
    assertThat(Deploy.jibPorts(app)).containsExactly(app.serverPort(), app.managementPort());
    assertThat(publishedContainerPorts(service)).isSubsetOf(app.serverPort(), app.managementPort());
  }

  @ParameterizedTest
  @EnumSource(App.class)
  void everyVariableComposeGivesAnAppBindsToOneOfItsProperties(App app) {
    AppProperties properties = AppProperties.of(app);

    assertThat(composeVariables(app.name))
        .isNotEmpty()
        .allSatisfy(variable -> assertThat(properties.binds(variable)).as(app.name + ": " + variable).isTrue());
  }

  @ParameterizedTest
  @EnumSource(App.class)
  void composeAsksEachAppsReadinessOnItsManagementPortAndOnlyA200Passes(App app) throws Exception {
    Map<String, Object> service = Deploy.composeServices().get(app.name);
    List<Object> test = Yamls.list(Yamls.at(service, "healthcheck", "test"));
    String probesEnabled = String.valueOf(Yamls.at(service, "environment", "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED"));
    assertThat(probesEnabled.equals("true") || "true".equals(String.valueOf(app.defaults().get("management.endpoint.health.probes.enabled"))))
        .as(app.name + ": /actuator/health/readiness is served")
        .isTrue();
    assertThat(test.subList(0, 3)).containsExactly("CMD", "bash", "-c");
    // Compose's $$ is the container's $.
    String script = String.valueOf(test.get(3)).replace("$$", "$");
    String target = "/dev/tcp/127.0.0.1/" + app.managementPort();
    assertThat(script).contains(target, "GET /actuator/health/readiness ");

    // The same script, run by bash against a stand-in management port: ready passes, 503 fails.
    for (int status : new int[] {200, 503}) {
      com.sun.net.httpserver.HttpServer management =
          com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
      management.createContext("/actuator/health/readiness", exchange -> {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      management.start();
      try {
        Process probe =
            new ProcessBuilder("bash", "-c", script.replace(target, "/dev/tcp/127.0.0.1/" + management.getAddress().getPort()))
                .redirectErrorStream(true)
                .start();
        assertThat(probe.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue() == 0).as(app.name + " healthy on " + status).isEqualTo(status == 200);
      } finally {
        management.stop(0);
      }
    }
  }

  @Test
  void aVariableNoPropertyOfTheAppTakesDoesNotBind() {
    AppProperties worker = AppProperties.of(App.WORKER);

    assertThat(worker.binds("PROVIDERS_AFTERPAY_BASEURL")).isTrue();
    assertThat(worker.binds("PROVIDERS_AFTERPAY_BASE_URL")).isTrue();
    assertThat(worker.binds("PROVIDERS_AFTERPAY_BASEURI")).isFalse();
    assertThat(worker.binds("CALLBACKS_SIGNINGKEYS")).as("starter-api's").isFalse();
    assertThat(AppProperties.of(App.SANDBOX).binds("PAYLOADENCRYPTION_KEYS_K1")).isFalse();
  }

  @Test
  void aMerchantsWebhookBindsByItsIdButOnlyToTheWebhooksOwnProperties() {
    AppProperties worker = AppProperties.of(App.WORKER);

    assertThat(worker.binds("WEBHOOKS_MERCHANTS_DEMO_URL")).isTrue();
    assertThat(worker.binds("WEBHOOKS_MERCHANTS_ACME_SECRET")).isTrue();
    assertThat(worker.binds("WEBHOOKS_MERCHANTS_DEMO_URI")).isFalse();
    assertThat(worker.binds("WEBHOOKS_MERCHANTS_URL")).isFalse();
    assertThat(AppProperties.of(App.SANDBOX).binds("SANDBOX_WEBHOOKS_SECRETS_DEMO")).isTrue();
    assertThat(AppProperties.of(App.SANDBOX).binds("WEBHOOKS_MERCHANTS_DEMO_SECRET")).isFalse();
  }

  @Test
  void theDeployRegistersTheFlowsSearchAttributes() {
    Set<String> flows = new LinkedHashSet<>();
    List<String> flags = SearchAttributeFlags.flags();
    for (int i = 1; i < flags.size(); i += 2) {
      flows.add(flags.get(i));
    }
    Object compose = Yamls.at(Deploy.composeServices().get("temporal-search-attributes"), "environment", "SEARCH_ATTRIBUTES");

    assertThat(words(compose)).as("docker-compose.yml").isEqualTo(flows);
    assertThat(words(helmSearchAttributes())).as("k8s/temporal/values.yaml").isEqualTo(flows);
  }

  @Test
  void prometheusScrapesEachAppsManagementPortWhereItServesMetrics() {
    Map<String, Map<String, Object>> jobs = new java.util.LinkedHashMap<>();
    for (Object job : Yamls.list(Yamls.read(Deploy.PROMETHEUS).get("scrape_configs"))) {
      jobs.put(String.valueOf(Yamls.at(job, "job_name")), Yamls.cast(job));
    }
    for (App app : List.of(App.WORKER, App.STARTER_API)) {
      assertThat(app.exposedEndpoints()).contains("prometheus");
      assertThat(jobs.get(app.name).get("metrics_path")).isEqualTo("/actuator/prometheus");
      assertThat(targets(jobs.get(app.name))).containsExactly(app.name + ":" + app.managementPort());
    }
    String serverMetrics = String.valueOf(Yamls.at(Deploy.composeServices().get("temporal"), "environment", "PROMETHEUS_ENDPOINT"));
    assertThat(targets(jobs.get("temporal")))
        .containsExactly("temporal:" + serverMetrics.substring(serverMetrics.lastIndexOf(':') + 1));
  }

  @Test
  void grafanaDashboardsQueryTheProvisionedPrometheus() throws IOException {
    Object datasource = Yamls.list(Yamls.read(Deploy.DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0);
    String uid = String.valueOf(Yamls.at(datasource, "uid"));
    assertThat(Yamls.at(datasource, "url")).isEqualTo("http://prometheus:9090");
    assertThat(Deploy.composeServices()).containsKey("prometheus");

    Path dashboards = Deploy.DEPLOY.resolve("grafana/dashboards");
    if (Files.isDirectory(dashboards)) {
      try (Stream<Path> files = Files.list(dashboards)) {
        for (Path dashboard : files.filter(file -> file.toString().endsWith(".json")).toList()) {
          Set<String> uids = new LinkedHashSet<>();
          prometheusDatasourceUids(new ObjectMapper().readTree(dashboard.toFile()), uids);
          // A ${variable} is the dashboard's own choice; any fixed uid must be the provisioned one.
          assertThat(uids).as(dashboard.toString()).allSatisfy(used -> assertThat(used).isIn(uid));
        }
      }
    }
  }

  @Test
  void composeGivesTheWorkerMoreTimeToStopThanItsActivitiesGrace() {
    Duration grace = App.workerActivityGrace();
    Duration stop = Duration.ofSeconds(Long.parseLong(
        String.valueOf(Deploy.composeServices().get("worker").get("stop_grace_period")).replace("s", "")));

    assertThat(stop).isGreaterThan(grace);
  }

  @Test
  void theTemporalUiDecodesThroughStarterApisPublishedCodecServer() {
    Map<String, Map<String, Object>> services = Deploy.composeServices();
    String uiPort = hostPort(services.get("temporal-ui"), 8080);
    String apiPort = hostPort(services.get("starter-api"), App.STARTER_API.serverPort());

    assertThat(Yamls.at(services.get("temporal-ui"), "environment", "TEMPORAL_CODEC_ENDPOINT"))
        .isEqualTo("http://localhost:" + apiPort + "/codec");
    assertThat(String.valueOf(Yamls.at(services.get("starter-api"), "environment", "CODECSERVER_ALLOWEDORIGINS")).split(","))
        .contains("http://localhost:" + uiPort);
    // The browser's token-less calls arrive from the Docker host's address on the compose network
    // (its gateway), which starter-api trusts: that address alone, not the whole network.
    Object gateway =
        Yamls.at(Yamls.list(Yamls.at(Yamls.read(Deploy.COMPOSE), "networks", "default", "ipam", "config")).get(0), "gateway");
    assertThat(Yamls.at(services.get("starter-api"), "environment", "CODECSERVER_TRUSTEDNETWORKS")).isEqualTo(gateway + "/32");
    // Which holds only while no one else reaches the published port: it is on the host's loopback.
    assertThat(Yamls.list(services.get("starter-api").get("ports"))).allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
  }

  @Test
  void theDemoMerchantsWebhooksGoToTheSandboxsReceiverWithTheSecretItVerifiesWith() {
    Map<String, Map<String, Object>> services = Deploy.composeServices();

    assertThat(Yamls.at(services.get("worker"), "environment", "WEBHOOKS_MERCHANTS_DEMO_URL"))
        .isEqualTo("http://sandbox:" + App.SANDBOX.serverPort() + "/sandbox/webhooks/demo");
    assertThat(composeVariables("worker")).contains("WEBHOOKS_MERCHANTS_DEMO_SECRET");
    assertThat(composeVariables("sandbox")).contains("SANDBOX_WEBHOOKS_SECRETS_DEMO", "SANDBOX_DEMO_APIKEY");
    assertThat(Yamls.at(services.get("sandbox"), "environment", "SANDBOX_DEMO_APIBASEURL"))
        .isEqualTo("http://starter-api:" + App.STARTER_API.serverPort());
    assertThat(Deploy.envFile(Deploy.OVERLAYS.resolve("local-sandbox/worker.env")))
        .containsEntry("WEBHOOKS_MERCHANTS_DEMO_URL", "http://sandbox:" + App.SANDBOX.serverPort() + "/sandbox/webhooks/demo");
  }

  /** The variables compose gives a service: its environment and its secrets files'. */
  static Set<String> composeVariables(String service) {
    Map<String, Object> definition = Deploy.composeServices().get(service);
    Set<String> variables = new LinkedHashSet<>(Yamls.cast(definition.getOrDefault("environment", Map.of())).keySet());
    Map<String, Set<String>> secrets = Deploy.secretFiles();
    for (Object envFile : Yamls.list(definition.get("env_file"))) {
      String path = String.valueOf(Yamls.at(envFile, "path"));
      String file = path.substring(path.lastIndexOf('/') + 1);
      assertThat(secrets).as("make-secrets.sh writes " + file).containsKey(file);
      variables.addAll(secrets.get(file));
    }
    return variables;
  }

  private static void prometheusDatasourceUids(JsonNode node, Set<String> uids) {
    JsonNode datasource = node.path("datasource");
    if (datasource.isObject() && "prometheus".equals(datasource.path("type").asText())
        && !datasource.path("uid").asText().startsWith("$")) {
      uids.add(datasource.path("uid").asText());
    }
    node.forEach(child -> prometheusDatasourceUids(child, uids));
  }

  private static Object helmSearchAttributes() {
    Object job = Yamls.list(Yamls.read(Deploy.TEMPORAL_VALUES).get("extraObjects")).get(0);
    // A template for Helm's tpl: its {{ ... }} lines are not YAML until rendered; the env is.
    String yaml = String.valueOf(job).replaceAll("\\{\\{[^}]*}}", "x");
    Map<String, Object> manifest = Yamls.parseAll(new java.io.StringReader(yaml)).get(0);
    Object container = Yamls.list(Yamls.at(manifest, "spec", "template", "spec", "containers")).get(0);
    for (Object env : Yamls.list(Yamls.at(container, "env"))) {
      if ("SEARCH_ATTRIBUTES".equals(Yamls.at(env, "name"))) {
        return Yamls.at(env, "value");
      }
    }
    return null;
  }

  private static Set<String> words(Object text) {
    return Set.of(String.valueOf(text).trim().split("\\s+")).stream().collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static List<String> targets(Map<String, Object> job) {
    List<String> targets = new ArrayList<>();
    for (Object config : Yamls.list(job.get("static_configs"))) {
      Yamls.list(Yamls.at(config, "targets")).forEach(target -> targets.add(String.valueOf(target)));
    }
    return targets;
  }

  /** "127.0.0.1:8080:8080" publishes container port 8080. */
  private static List<Integer> publishedContainerPorts(Map<String, Object> service) {
    return Yamls.list(service.get("ports")).stream()
        .map(String::valueOf)
        .map(mapping -> Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)))
        .toList();
  }

  private static String hostPort(Map<String, Object> service, int containerPort) {
    for (Object mapping : Yamls.list(service.get("ports"))) {
      String[] parts = String.valueOf(mapping).split(":");
      if (Integer.parseInt(parts[parts.length - 1]) == containerPort) {
        return parts[parts.length - 2];
      }
    }
    throw new AssertionError("Container port " + containerPort + " is not published");
  }
}
