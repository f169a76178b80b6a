package org.financingorchestrator.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.financingorchestrator.sandbox.SandboxApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * The paths Kubernetes' probes ask (deploy/k8s: liveness and readiness on the management port) are
 * there when the deploy turns the probes on (MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED), and answer
 * UP; Spring Boot 4 serves them from its health groups as Boot 3 did.
 */
@SpringBootTest(
    classes = SandboxApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=sandbox",
      "management.server.port=0",
      "management.endpoint.health.probes.enabled=true"
    })
class ProbesTest {

  @LocalManagementPort int managementPort;

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
  void theProbesPathsAnswerUpOnTheManagementPort(String path) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"status\":\"UP\"");
  }
}
