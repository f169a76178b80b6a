package org.financingorchestrator.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked without Docker or a cluster, with the pinned tools deploy/local/tools.sh
 * installs into .tools/: the compose file against the compose specification's schema and rendered
 * by Docker Compose itself (no engine needed for that), every
 * kustomize overlay rendered and validated against Kubernetes' own schemas, Prometheus's
 * configuration by promtool; and the rendered Deployments against the apps (images, ports,
 * probes, scrape annotations, every variable they set, the worker's grace period).
 */
class DeployRendersTest {

  /** Where each Secret the Deployments read is made, so that its variables can be checked too. */
  private static final Map<String, Path> SECRETS =
      Map.of(
          "payload-encryption", Path.of("payload-encryption.env"),
          "starter-api-secrets", Path.of("starter-api.env"),
          "merchant-webhooks", Path.of("webhooks.env"),
          "sandbox-secrets", Path.of("sandbox.env"),
          "provider-credentials", Deploy.DEPLOY.resolve("k8s/secrets.example/provider-credentials.env"));

  @Test
  @RequiresLocalTools("check-jsonschema")
  void theComposeFileFollowsTheComposeSpecification() {
    Tool.Run run = Tool.run("check-jsonschema", "--builtin-schema", "vendor.compose-spec", Deploy.COMPOSE.toString());

    assertThat(run.exit()).as(run.output()).isZero();
  }

  @Test
  @RequiresLocalTools("docker-compose")
  void composeRendersAndGivesEachAppItsImageAndOnlyVariablesItBinds(@TempDir Path copy) throws Exception {
    // A copy with secrets of its own: make-secrets.sh never touches the repository's.
    Path compose = copy.resolve("compose");
    java.nio.file.Files.createDirectories(compose);
    java.nio.file.Files.copy(Deploy.COMPOSE, compose.resolve("docker-compose.yml"));
    java.nio.file.Files.copy(Deploy.MAKE_SECRETS, compose.resolve("make-secrets.sh"));
    Process secrets =
        new ProcessBuilder("bash", compose.resolve("make-secrets.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(secrets.waitFor()).as("make-secrets.sh").isZero();

    Tool.Run config = Tool.run("docker-compose", "-f", compose.resolve("docker-compose.yml").toString(), "config", "--format", "json");
    assertThat(config.exit()).as(config.output()).isZero();

    // The model compose runs: merge keys applied, env files read into each service's environment.
    String json = config.output().substring(config.output().indexOf('{'));
    JsonNode services = new ObjectMapper().readTree(json).path("services");
    for (App app : App.values()) {
      JsonNode service = services.path(app.name);
      assertThat(service.path("image").asText()).isEqualTo(Deploy.jibImage(app));
      AppProperties properties = AppProperties.of(app);
      List<String> variables = new java.util.ArrayList<>();
      service.path("environment").fieldNames().forEachRemaining(variables::add);
      assertThat(variables)
          .as(app.name)
          .isNotEmpty()
          .allSatisfy(variable -> assertThat(properties.binds(variable)).as(app.name + ": " + variable).isTrue());
    }

    // The demo merchant's webhooks: the sandbox verifies with the secret the worker signs with, and
    // its demo shop buys with the key whose hash starter-api holds.
    String signing = services.path("worker").path("environment").path("WEBHOOKS_MERCHANTS_DEMO_SECRET").asText();
    JsonNode sandbox = services.path("sandbox").path("environment");
    assertThat(signing).matches("whsec_[A-Za-z0-9+/]{43}=");
    assertThat(sandbox.path("SANDBOX_WEBHOOKS_SECRETS_DEMO").asText()).isEqualTo(signing);
    assertThat(sha256Hex(sandbox.path("SANDBOX_DEMO_APIKEY").asText()))
        .isEqualTo(services.path("starter-api").path("environment").path("MERCHANTS_DEMO_KEYHASHES_0").asText());
  }

  private static String sha256Hex(String text) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  @RequiresLocalTools("promtool")
  void prometheusConfigurationIsValid() {
    Tool.Run run = Tool.run("promtool", "check", "config", Deploy.PROMETHEUS.toString());

    assertThat(run.exit()).as(run.output()).isZero();
  }

  @Test
  @RequiresLocalTools({"kustomize", "kubernetes-validate"})
  void everyOverlayRendersToValidKubernetesObjectsThatRunTheApps(@TempDir Path rendered) throws Exception {
    assertThat(Deploy.overlays()).isNotEmpty();
    for (Path overlay : Deploy.overlays()) {
      Tool.Run build = Tool.run("kustomize", "build", overlay.toString());
      assertThat(build.exit()).as(overlay + ": " + build.output()).isZero();
      Path manifests = rendered.resolve(overlay.getFileName() + ".yaml");
      java.nio.file.Files.writeString(manifests, build.output());

      Tool.Run validate = Tool.run("kubernetes-validate", "--strict", "--quiet", manifests.toString());
      assertThat(validate.exit()).as(overlay + ": " + validate.output()).isZero();

      checkDeployments(overlay.getFileName().toString(), Yamls.parseAll(new StringReader(build.output())));
    }
  }

  private static void checkDeployments(String overlay, List<Map<String, Object>> objects) {
    Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
    for (Map<String, Object> object : objects) {
      if ("ConfigMap".equals(object.get("kind"))) {
        Map<String, String> data = new LinkedHashMap<>();
        Yamls.cast(object.getOrDefault("data", Map.of())).forEach((key, value) -> data.put(key, String.valueOf(value)));
        configMaps.put(String.valueOf(Yamls.at(object, "metadata", "name")), data);
      }
    }
    Set<String> apps = new LinkedHashSet<>();
    for (Map<String, Object> object : objects) {
      if ("Deployment".equals(object.get("kind"))) {
        App app = App.named(String.valueOf(Yamls.at(object, "metadata", "name")));
        apps.add(app.name);
        checkDeployment(overlay + "/" + app.name, app, object, configMaps);
      }
    }
    assertThat(apps).as(overlay).contains(App.WORKER.name, App.STARTER_API.name);

    // The worker scales by its autoscaler, and node drains leave some of it running.
    assertThat(objects)
        .as(overlay + ": an autoscaler for the worker")
        .anySatisfy(object -> {
          assertThat(object.get("kind")).isEqualTo("HorizontalPodAutoscaler");
          assertThat(Yamls.at(object, "spec", "scaleTargetRef", "name")).isEqualTo(App.WORKER.name);
        });
    assertThat(objects)
        .as(overlay + ": a disruption budget for the worker")
        .anySatisfy(object -> {
          assertThat(object.get("kind")).isEqualTo("PodDisruptionBudget");
          assertThat(Yamls.at(object, "spec", "selector", "matchLabels", "app.kubernetes.io/name")).isEqualTo(App.WORKER.name);
        });
  }

  private static void checkDeployment(
      String where, App app, Map<String, Object> deployment, Map<String, Map<String, String>> configMaps) {
    Map<String, Object> pod = Yamls.cast(Yamls.at(deployment, "spec", "template"));
    Map<String, Object> container = Yamls.cast(Yamls.list(Yamls.at(pod, "spec", "containers")).get(0));
    String jibImage = Deploy.jibImage(app);

    // The image Jib builds (the tag is the overlay's to choose).
    String image = String.valueOf(container.get("image"));
    assertThat(image.substring(0, image.lastIndexOf(':'))).as(where).isEqualTo(jibImage.substring(0, jibImage.lastIndexOf(':')));

    // Its ports are the app's, and the probes ask the management port for liveness and readiness.
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Object port : Yamls.list(container.get("ports"))) {
      ports.put(String.valueOf(Yamls.at(port, "name")), (Integer) Yamls.at(port, "containerPort"));
    }
    assertThat(ports).as(where).containsEntry("http", app.serverPort()).containsEntry("management", app.managementPort());
    assertThat(Deploy.jibPorts(app)).as(where).containsExactlyInAnyOrderElementsOf(ports.values());
    for (String probe : List.of("livenessProbe", "readinessProbe")) {
      assertThat(Yamls.at(container, probe, "httpGet", "port")).as(where + " " + probe).isEqualTo("management");
      assertThat(Yamls.at(container, probe, "httpGet", "path"))
          .as(where + " " + probe)
          .isEqualTo("/actuator/health/" + probe.replace("Probe", ""));
    }

    // Prometheus finds the metrics where the app serves them.
    if (app.exposedEndpoints().contains("prometheus")) {
      Map<String, Object> annotations = Yamls.cast(Yamls.at(pod, "metadata", "annotations"));
      assertThat(annotations)
          .as(where)
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", String.valueOf(app.managementPort()))
          .containsEntry("prometheus.io/path", "/actuator/prometheus");
    }

    // Every variable it is given binds to a property of the app.
    Map<String, String> variables = variables(where, container, configMaps);
    AppProperties properties = AppProperties.of(app);
    assertThat(variables.keySet())
        .as(where)
        .allSatisfy(variable -> assertThat(properties.binds(variable)).as(where + ": " + variable).isTrue());

    if (app == App.WORKER) {
      // Kubernetes waits longer than the worker's own grace for calls in flight (and Spring's close).
      Duration grace =
          variables.containsKey("WORKER_SHUTDOWN_ACTIVITYGRACE")
              ? Duration.parse(variables.get("WORKER_SHUTDOWN_ACTIVITYGRACE"))
              : App.workerActivityGrace();
      Object period = Yamls.at(pod, "spec", "terminationGracePeriodSeconds");
      assertThat(Duration.ofSeconds(((Number) period).longValue())).as(where).isGreaterThan(grace.plusSeconds(10));
    }
  }

  /** env entries, ConfigMaps' data and the Secrets' variables (as their make-secrets or example files list them). */
  private static Map<String, String> variables(
      String where, Map<String, Object> container, Map<String, Map<String, String>> configMaps) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (Object env : Yamls.list(container.get("env"))) {
      variables.put(String.valueOf(Yamls.at(env, "name")), String.valueOf(Yamls.at(env, "value")));
    }
    Map<String, Set<String>> madeSecrets = Deploy.secretFiles();
    for (Object source : Yamls.list(container.get("envFrom"))) {
      Object configMap = Yamls.at(source, "configMapRef", "name");
      Object secret = Yamls.at(source, "secretRef", "name");
      if (configMap != null) {
        assertThat(configMaps).as(where).containsKey(String.valueOf(configMap));
        variables.putAll(configMaps.get(String.valueOf(configMap)));
      } else {
        Path file = SECRETS.get(String.valueOf(secret));
        assertThat(file).as(where + ": where Secret " + secret + " is made").isNotNull();
        if (file.isAbsolute()) {
          Deploy.envFile(file).keySet().forEach(name -> variables.put(name, ""));
        } else {
          assertThat(madeSecrets).as(where + ": make-secrets.sh writes " + file).containsKey(file.toString());
          madeSecrets.get(file.toString()).forEach(name -> variables.put(name, ""));
        }
      }
    }
    return variables;
  }
}
