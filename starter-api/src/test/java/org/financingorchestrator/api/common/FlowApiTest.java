package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The provider-independent parts: flow status, errors outside any endpoint, docs, health. */
class FlowApiTest extends ApiTest {

  @Test
  void answersAFlowsStatus() {
    String reference = reference("status-");
    assertThat(http.post(Checkouts.PATH, Checkouts.body(reference)).status()).isEqualTo(201);

    Http.Reply reply = http.get("/v1/flows/afterpay-shopa-" + reference);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode status = reply.json();
    assertThat(status.path("source").asString()).isEqualTo("workflow");
    assertThat(status.has("status")).isFalse();
    assertThat(status.path("flowId").asString()).isEqualTo("afterpay-shopa-" + reference);
    assertThat(status.path("provider").asString()).isEqualTo("afterpay");
    assertThat(status.path("merchantId").asString()).isEqualTo("shopa");
    assertThat(status.path("merchantReference").asString()).isEqualTo(reference);
    assertThat(status.path("state").asString()).isEqualTo("AWAITING_SHOPPER");
    assertThat(status.path("orderAmount").path("amount").asString()).isEqualTo("21.85");
    assertThat(status.path("orderAmount").path("amount").isString()).isTrue();
    assertThat(status.path("orderAmount").path("currency").asString()).isEqualTo("USD");
    assertThat(status.path("orderAmount").has("positive")).isFalse();
    // The order token is what callbacks carry: the status never hands it out.
    assertThat(status.path("providerIds").has("token")).isFalse();
    assertThat(status.path("steps").findValuesAsString("name")).contains("started", "order");
    assertThat(status.path("steps").get(0).path("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void anUnknownFlowIsNotFound() {
    JsonNode problem = assertProblem(http.get("/v1/flows/afterpay-" + reference("nobody-")), 404);

    assertThat(problem.path("flowId").asString()).startsWith("afterpay-nobody-");
  }

  @Test
  void anIdThatCannotBeAFlowIdIsABadRequest() {
    assertInvalid(http.get("/v1/flows/no-provider-prefix%20x"), "flowId");
    assertInvalid(http.get("/v1/flows/afterpay-"), "flowId");
    assertInvalid(http.get("/v1/flows/justonepart"), "flowId");
    assertInvalid(http.get("/v1/flows/afterpay-" + "r".repeat(129)), "flowId");
  }

  @Test
  void unknownPathsAndMethodsAreProblemsNotServerErrors() {
    assertProblem(http.get("/v1/nothing-here"), 404);
    assertProblem(http.get("/v1/afterpay/checkouts"), 405);
    assertProblem(http.send(http.request("/v1/flows/afterpay-x").DELETE()), 405);
    Http.Reply notAcceptable =
        http.send(http.request("/v1/flows/afterpay-x").header("Accept", "application/xml").GET());
    assertThat(notAcceptable.status()).isEqualTo(406);
    Http.Reply noContentType =
        http.send(http.request(Checkouts.PATH).POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(noContentType.status()).isEqualTo(415);
  }

  @Test
  void documentsTheApi() {
    Http.Reply docs = http.get("/v3/api-docs");

    assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
    JsonNode paths = docs.json().path("paths");
    assertThat(paths.path("/v1/afterpay/checkouts").path("post").path("summary").asString())
        .isEqualTo("Start an Afterpay checkout");
    assertThat(paths.path("/v1/afterpay/checkouts").path("post").path("requestBody").toString())
        .contains("merchantOrder-1234");
    assertThat(paths.path("/v1/flows/{flowId}").path("get").path("summary").asString()).isEqualTo("Status of a flow");
    JsonNode status = paths.path("/v1/flows/{flowId}").path("get").path("responses").path("200");
    assertThat(status.path("description").asString()).contains("workflow", "last-recorded");
    String answer = status.path("content").path("application/json").path("schema").path("$ref").asString();
    JsonNode fields = docs.json().at("/components/schemas/" + answer.substring(answer.lastIndexOf('/') + 1) + "/properties");
    assertThat(fields.propertyNames()).contains("flowId", "state", "orderAmount", "steps", "source").doesNotContain("status");
    assertThat(fields.path("source").path("enum").valueStream().map(JsonNode::asString))
        .containsExactly("workflow", "last-recorded");
    assertThat(paths.path("/v1/flows/{flowId}/refunds").path("post").isMissingNode()).isFalse();
    assertThat(paths.path("/v1/flows/{flowId}/courier").path("put").isMissingNode()).isFalse();
    assertThat(paths.path("/v1/callbacks/afterpay/{flowId}/confirm").path("get").isMissingNode()).isFalse();
    Http.Reply ui = http.get("/swagger-ui.html");
    assertThat(ui.status()).isIn(200, 302);
  }

  @Test
  void reportsHealthOnTheManagementPortOnly() {
    Http.Reply health = new Http(managementPort).get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asString()).isEqualTo("UP");
    Http.Reply readiness = new Http(managementPort).get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().path("components").path("temporal").path("status").asString()).isEqualTo("UP");
    JsonNode liveness = new Http(managementPort).get("/actuator/health/liveness").json().path("components");
    assertThat(liveness.has("livenessState")).isTrue();
    assertThat(liveness.has("temporal")).isFalse();
    assertThat(new Http(managementPort).get("/actuator/prometheus").status()).isEqualTo(200);
    assertProblem(http.get("/actuator/health"), 404);
    assertProblem(http.get("/actuator/prometheus"), 404);
  }
}
