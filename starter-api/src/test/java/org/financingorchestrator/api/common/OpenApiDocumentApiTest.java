package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.api.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document says what the API answers (deploy/local/fuzz-api.sh holds every answer to
 * it; these are the gaps it found): errors are problem+json, merchant endpoints need the bearer
 * key, bodies can be refused as too large or not JSON, and Temporal can fail or be away.
 */
class OpenApiDocumentApiTest extends ApiTest {

  private JsonNode docs() {
    return http.withKey(null).get("/v3/api-docs").json();
  }

  /** Every operation as "METHOD path" with its node. */
  private static List<Operation> operations(JsonNode docs) {
    List<Operation> operations = new ArrayList<>();
    docs.path("paths").properties().forEach(path ->
        path.getValue().properties().forEach(method ->
            operations.add(new Operation(path.getKey(), method.getKey(), method.getValue()))));
    return operations;
  }

  private record Operation(String path, String method, JsonNode node) {
    JsonNode response(String status) {
      return node.path("responses").path(status);
    }

    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  @Test
  void theErrorPageIsNoOperation() {
    assertThat(docs().path("paths").has("/error")).isFalse();
  }

  @Test
  void everyErrorIsDocumentedAsProblemJson() {
    JsonNode docs = docs();
    assertThat(docs.at("/components/schemas/Problem/properties/status/type").asString()).isEqualTo("integer");
    for (Operation operation : operations(docs)) {
      operation.node().path("responses").properties().forEach(answer -> {
        if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
          JsonNode content = answer.getValue().path("content");
          assertThat(content.propertyNames()).as(operation + " " + answer.getKey()).containsExactly(PROBLEM_JSON);
          assertThat(content.path(PROBLEM_JSON).at("/schema/$ref").asString())
              .isEqualTo("#/components/schemas/Problem");
        }
      });
    }
  }

  @Test
  void merchantEndpointsNeedTheBearerKeyAndCallbacksNone() {
    JsonNode docs = docs();
    assertThat(docs.at("/components/securitySchemes/merchantKey/scheme").asString()).isEqualTo("bearer");
    for (Operation operation : operations(docs)) {
      boolean callback = operation.path().startsWith("/v1/callbacks/");
      // A provider's postback needs the flow's own key (not a merchant's): its 401 is documented.
      boolean postback = callback && operation.path().endsWith("-postback");
      assertThat(operation.node().path("security").isEmpty()).as(operation.toString()).isEqualTo(callback);
      assertThat(operation.response("401").isMissingNode()).as(operation.toString()).isEqualTo(callback && !postback);
    }
  }

  @Test
  void bodiesMayBeTooLargeOrNotJsonAndTemporalMayFail() {
    for (Operation operation : operations(docs())) {
      boolean body = operation.node().has("requestBody");
      assertThat(operation.response("413").isMissingNode()).as(operation.toString()).isEqualTo(!body);
      assertThat(operation.response("415").isMissingNode()).as(operation.toString()).isEqualTo(!body);
      assertThat(operation.response("502").isMissingNode()).as(operation.toString()).isFalse();
      assertThat(operation.response("503").isMissingNode()).as(operation.toString()).isFalse();
    }
  }

  /** Found by the fuzzer: amounts are decimal strings, and a flow not captured has null members. */
  @Test
  void answersSayWhatGoesOverTheWire() {
    JsonNode schemas = docs().path("components").path("schemas");
    assertThat(schemas.at("/Money/properties/amount/type").toString()).contains("string").doesNotContain("number");
    assertThat(schemas.at("/FlowStatusAnswer/properties/capturedAmount/anyOf").toString())
        .contains("#/components/schemas/Money")
        .contains("null");
    assertThat(schemas.at("/FlowStep/properties/detail/type").toString()).contains("null");
    // A request body is not loosened.
    assertThat(schemas.at("/MoneyBody/properties/amount/type").toString()).doesNotContain("null");
  }

  @Test
  void aRefundAnswersTheRefundOrWhatIsPending() {
    JsonNode refunds = docs().at("/paths/~1v1~1flows~1{flowId}~1refunds/post/responses");
    assertThat(refunds.at("/201/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/RefundRecord");
    assertThat(refunds.at("/202/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/RefundPending");
  }
}
