package org.financingorchestrator.api.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.worker.common.GracefulWorkerShutdown;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * One of the apps the deploy runs, as the app itself has it: its yaml (on the test classpath: the
 * worker and the sandbox are test dependencies of this module), its ports, the packages its code
 * and settings live in.
 */
enum App {
  WORKER("worker", "worker.yaml", "org.financingorchestrator.worker", "org.financingorchestrator.activities"),
  STARTER_API("starter-api", "starter-api.yaml", "org.financingorchestrator.api"),
  SANDBOX("sandbox", "sandbox.yaml", "org.financingorchestrator.sandbox");

  final String name;
  final String yamlResource;
  final List<String> packages;

  App(String name, String yamlResource, String... packages) {
    this.name = name;
    this.yamlResource = yamlResource;
    this.packages = List.of(packages);
  }

  /** Every document of the app's yaml, profile documents included, in order. */
  List<Map<String, Object>> yamlDocuments() {
    try (InputStream in = new ClassPathResource(yamlResource).getInputStream()) {
      List<Map<String, Object>> documents = new ArrayList<>();
      for (Object document : new Yaml().loadAll(in)) {
        if (document instanceof Map<?, ?> map) {
          documents.add(Yamls.cast(map));
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default document's settings, flattened to dotted keys (lists as [i]). */
  Map<String, Object> defaults() {
    Map<String, Object> flat = new LinkedHashMap<>();
    Yamls.flatten("", yamlDocuments().get(0), flat);
    return flat;
  }

  int serverPort() {
    return Integer.parseInt(String.valueOf(defaults().get("server.port")));
  }

  int managementPort() {
    return Integer.parseInt(String.valueOf(defaults().get("management.server.port")));
  }

  /** The actuator endpoints the management port serves. */
  List<String> exposedEndpoints() {
    return List.of(String.valueOf(defaults().get("management.endpoints.web.exposure.include")).split(","));
  }

  /** worker.shutdown.activity-grace's default, as GracefulWorkerShutdown reads it. */
  static Duration workerActivityGrace() {
    for (Constructor<?> constructor : GracefulWorkerShutdown.class.getConstructors()) {
      for (Parameter parameter : constructor.getParameters()) {
        Value value = parameter.getAnnotation(Value.class);
        if (value != null && value.value().startsWith("${worker.shutdown.activity-grace:")) {
          return Duration.parse(value.value().replaceAll("^\\$\\{[^:]+:(.*)}$", "$1"));
        }
      }
    }
    throw new IllegalStateException("GracefulWorkerShutdown reads no worker.shutdown.activity-grace");
  }

  static App named(String name) {
    for (App app : values()) {
      if (app.name.equals(name)) {
        return app;
      }
    }
    throw new IllegalArgumentException("No app " + name);
  }
}
