package org.financingorchestrator.api.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.common.CallbacksProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Only a URL this server made speaks for the shopper: a callback without this flow's signature
 * is refused before anything reaches the flow, and the status never hands out the order token.
 */
class SignedCallbacksApiTest extends ApiTest {

  /** starter-api-test.yaml's keys: the first signs, the second (rotated out) still verifies. */
  private static final String SIGNING_KEY = "tgYQCEEYrPwluUALQJCro6gVxKNuIZCqvCW6UYNAshQ";
  private static final String OLDER_KEY = "TFStxRnmd7rDygxGqDcU6t2gGy-rCYrLSa3bZ-kcdHs";

  @Test
  void aForgedCallbackIsRefusedAndChangesNothing() {
    String flowId = awaitingShopper();
    String token = "tok-" + flowId.substring("afterpay-shopa-".length());
    int events = client.fetchHistory(flowId).getHistory().getEventsCount();
    String unsigned = "/v1/callbacks/afterpay/" + flowId + "/confirm?orderToken=" + token + "&status=";

    assertInvalid(http.get(unsigned + "SUCCESS"), "sig");
    assertInvalid(http.get(unsigned + "CANCELLED&sig="), "sig");
    assertInvalid(http.get(unsigned + "SUCCESS&sig=" + signatures.sign(flowId + "x")), "sig");
    assertInvalid(http.get(unsigned + "SUCCESS&sig=not%20base64"), "sig");
    assertInvalid(http.get(unsigned + "SUCCESS&sig=" + new CallbackSignatures(properties("A".repeat(43))).sign(flowId)), "sig");

    assertThat(status(flowId).path("state").asString()).isEqualTo("AWAITING_SHOPPER");
    // No Update reached the flow: its history did not grow.
    assertThat(client.fetchHistory(flowId).getHistory().getEventsCount()).isEqualTo(events);
  }

  @Test
  void theFlowsOwnSignedUrlWorks() {
    String flowId = awaitingShopper();
    String token = "tok-" + flowId.substring("afterpay-shopa-".length());

    Http.Reply reply = http.get(callback(flowId, "confirm", token, "SUCCESS"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(303);
    assertThat(status(flowId).path("state").asString()).isEqualTo("CAPTURED");
  }

  @Test
  void theFirstKeySignsAndEveryKeyVerifies() {
    CallbackSignatures rotating = new CallbackSignatures(properties(SIGNING_KEY, OLDER_KEY));
    CallbackSignatures before = new CallbackSignatures(properties(OLDER_KEY));

    assertThat(rotating.sign("afterpay-shopa-1")).isEqualTo(signatures.sign("afterpay-shopa-1"));
    assertThat(rotating.verifies("afterpay-shopa-1", before.sign("afterpay-shopa-1"))).isTrue();
    assertThat(before.verifies("afterpay-shopa-1", rotating.sign("afterpay-shopa-1"))).isFalse();
    assertThat(rotating.callbackUrl("afterpay", "afterpay-shopa-1", "confirm"))
        .isEqualTo("http://localhost:8080/v1/callbacks/afterpay/afterpay-shopa-1/confirm?sig=" + rotating.sign("afterpay-shopa-1"));
  }

  @Test
  void theStatusNeverHandsOutTheOrderToken() {
    String flowId = awaitingShopper();

    JsonNode status = status(flowId);

    assertThat(status.path("providerIds").has("token")).isFalse();
    assertThat(status.toString()).doesNotContain("tok-");
  }

  private String awaitingShopper() {
    Http.Reply created = http.post(Checkouts.PATH, Checkouts.body(reference("signed-")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("flowId").asString();
  }

  private JsonNode status(String flowId) {
    Http.Reply reply = http.get("/v1/flows/" + flowId);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static CallbacksProperties properties(String... keys) {
    return new CallbacksProperties(URI.create("http://localhost:8080"), List.of(keys));
  }
}
