package org.financingorchestrator.api.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Input that moves money is read strictly: limits, duplicate keys, coercions, control characters. */
class StrictInputApiTest extends ApiTest {

  private static final String REFUND = "/v1/flows/afterpay-shopa-strict-1/refunds";

  @Test
  void aBodyOverTheLimitIsRefusedUnreadWith413() {
    ObjectNode body = Checkouts.body(reference("big-"));
    body.put("unknown", "x".repeat(300 * 1024));
    int runsBefore = allRuns();

    Http.Reply reply = http.post(Checkouts.PATH, body);

    JsonNode problem = assertProblem(reply, 413);
    assertThat(problem.path("detail").asString()).contains("262144");
    assertThat(allRuns()).isEqualTo(runsBefore);
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWith413() {
    ObjectNode body = Checkouts.body(reference("chunked-"));
    body.put("unknown", "x".repeat(300 * 1024));
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    // An InputStream publisher has no length: the body goes chunked.
    HttpRequest.Builder request =
        http.request(Checkouts.PATH)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));

    assertProblem(http.send(request), 413);
  }

  @Test
  void aChunkedBodyUnderTheLimitIsRead() {
    String reference = reference("chunked-ok-");
    byte[] bytes = Checkouts.body(reference).toString().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        http.request(Checkouts.PATH)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));

    Http.Reply reply = http.send(request);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  @Test
  void moreItemsThanTheLimitAreRefusedNamingItems() {
    ObjectNode body = Checkouts.body(reference("lines-"));
    ObjectNode item = (ObjectNode) body.withArray("/items").get(0);
    body.withArray("/items").removeAll();
    for (int i = 0; i <= AfterpayCheckoutBody.MAX_LINES; i++) {
      body.withArray("/items").add(item.deepCopy());
    }
    int runsBefore = allRuns();

    JsonNode problem = assertInvalid(http.post(Checkouts.PATH, body), "items");

    assertThat(problem.path("errors").toString()).contains(String.valueOf(AfterpayCheckoutBody.MAX_LINES));
    assertThat(allRuns()).isEqualTo(runsBefore);
  }

  static Stream<Arguments> strictlyRead() {
    String body = Checkouts.body("strict-x").toString();
    return Stream.of(
        raw("consumer.surname", body, "\"surname\":\"Consumer\"", "\"surname\":\"Consumer\",\"surname\":\"Else\""),
        raw("totalAmount.amount", body, "\"amount\":\"21.85\"", "\"amount\":\"21.85\",\"amount\":\"0.01\""),
        raw("items[0].quantity", body, "\"quantity\":1", "\"quantity\":1.5"),
        raw("items[0].quantity", body, "\"quantity\":1", "\"quantity\":99999999999999999999"),
        raw("items[0].quantity", body, "\"quantity\":1", "\"quantity\":2147483648"),
        raw("totalAmount.amount", body, "\"amount\":\"21.85\"", "\"amount\":\"2.185e1\""),
        raw("totalAmount.amount", body, "\"amount\":\"21.85\"", "\"amount\":2.185e1"),
        raw("totalAmount.amount", body, "\"amount\":\"21.85\"", "\"amount\":\" 21.85\""),
        raw("totalAmount.amount", body, "\"amount\":\"21.85\"", "\"amount\":\"21.85 \""),
        raw("totalAmount.amount", body, "\"amount\":\"21.85\"", "\"amount\":\"+21.85\""),
        raw("consumer.givenNames", body, "\"givenNames\":\"Joe\"", "\"givenNames\":\"Jo\\u0000e\""),
        raw("consumer.givenNames", body, "\"givenNames\":\"Joe\"", "\"givenNames\":\"Jo\\u001b[31me\""),
        raw("billing.line1", body, "\"line1\":\"75 Queen St\"", "\"line1\":\"75 Queen St\\r\\nX-Evil: 1\""),
        raw("consumer.surname", body, "\"surname\":\"Consumer\"", "\"surname\":\"Cons\\u007fumer\""),
        raw("consumer.surname", body, "\"surname\":\"Consumer\"", "\"surname\":\"Cons\\u0085umer\""),
        raw("consumer.surname", body, "\"surname\":\"Consumer\"", "\"surname\":\"Cons\\ud800umer\""),
        raw("consumer.surname", body, "\"surname\":\"Consumer\"", "\"surname\":\"Consumer\\udc00\""),
        raw("items[0].name", body, "\"name\":\"widget\"", "\"name\":\"wid\\tget\""),
        raw("merchantReference", body, "\"merchantReference\":\"strict-x\"", "\"merchantReference\":\"..\""),
        raw("merchantReference", body, "\"merchantReference\":\"strict-x\"", "\"merchantReference\":\".\""));
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("strictlyRead")
  void checkoutsAreReadStrictlyNamingTheField(String field, String body) {
    int runsBefore = allRuns();

    assertInvalid(http.post(Checkouts.PATH, body), field);

    assertThat(allRuns()).isEqualTo(runsBefore);
  }

  @Test
  void anOutOfRangeNumberIsNamedAsSuch() {
    String body = Checkouts.body(reference("range-")).toString().replace("\"quantity\":1", "\"quantity\":99999999999999999999");

    JsonNode problem = assertInvalid(http.post(Checkouts.PATH, body), "items[0].quantity");

    assertThat(problem.path("errors").get(0).path("message").asString()).contains("out of range").doesNotContain("JSON");
  }

  @Test
  void aDuplicateKeyInARefundIsRefusedNotTheLastOneWins() {
    String body = "{\"amount\": {\"amount\": \"0.01\", \"amount\": \"0.02\", \"currency\": \"USD\"}, \"merchantReference\": \"RF-1\"}";

    JsonNode problem = assertInvalid(http.post(REFUND, body), "amount.amount");

    assertThat(problem.path("errors").get(0).path("message").asString()).contains("more than once");
  }

  @Test
  void controlCharactersInARefundReferenceAreRefused() {
    assertInvalid(
        http.post(REFUND, "{\"amount\": {\"amount\": \"1.00\", \"currency\": \"USD\"}, \"merchantReference\": \"RF\\u001b1\"}"),
        "merchantReference");
  }

  @Test
  void dotsAloneAreNotAReference() {
    assertInvalid(http.post(REFUND, "{\"amount\": {\"amount\": \"1.00\", \"currency\": \"USD\"}, \"merchantReference\": \"..\"}"), "merchantReference");
    assertInvalid(http.get("/v1/flows/afterpay-.."), "flowId");
    assertInvalid(http.get("/v1/flows/afterpay-."), "flowId");
    assertInvalid(
        http.send(
            http.request(REFUND)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "...")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}"))),
        "Idempotency-Key");
  }

  @Test
  void controlCharactersInPathAndQueryValuesAreRefused() {
    assertInvalid(http.get("/v1/callbacks/afterpay/afterpay-strict-1/confirm?orderToken=tok%1B1&status=SUCCESS"), "orderToken");
    assertInvalid(http.get("/v1/callbacks/afterpay/afterpay-strict-1/confirm?orderToken=tok%ED%A0%80&status=SUCCESS"), "orderToken");
    assertInvalid(http.get("/v1/callbacks/afterpay/afterpay-strict-1/confirm?orderToken=tok&status=SUCCESS%00"), "status");
    assertInvalid(http.get("/v1/flows/afterpay-strict%1B1"), "flowId");
  }

  @Test
  void plainDecimalsAndUnicodeTextStillPass() {
    String reference = reference("plain-");
    ObjectNode body = Checkouts.body(reference);
    body.withObject("/consumer").put("surname", "Müller-Łukasz 😀");
    body.withObject("/taxAmount").put("amount", 2.85);

    Http.Reply reply = http.post(Checkouts.PATH, body);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  /** The example body with one piece of its text replaced, as no JSON library would write it. */
  private static Arguments raw(String field, String body, String from, String to) {
    assertThat(body).contains(from);
    return Arguments.of(field, body.replace(from, to));
  }
}
