package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error is problem+json, also the ones Tomcat or Spring answer before our code runs. */
class ErrorAnswersApiTest extends ApiTest {

  @Test
  void anEncodedSlashInAPathIsAProblemNotTomcatsPage() {
    String answer = RawHttp.get(port, "/v1/flows/afterpay-a%2Fb", "localhost");

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(answer).contains("\"status\":400").doesNotContain("<html").doesNotContainIgnoringCase("tomcat");
  }

  @Test
  void anUnknownPathIsAProblem() {
    assertProblem(http.get("/nowhere"), 404);
    assertProblem(http.get("/v1/flows"), 404);
  }

  @Test
  void anUnknownPathIsAProblemAlsoForABrowser() {
    Http.Reply reply = http.send(http.request("/nowhere").header("Accept", "text/html").GET());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
  }

  @Test
  void aWrongMethodIsAProblem() {
    assertProblem(http.send(http.request("/v1/flows/afterpay-x").DELETE()), 405);
  }

  @Test
  void anUnacceptableAnswerTypeIsAProblem() {
    Http.Reply reply = http.send(http.request("/v1/flows/afterpay-x").header("Accept", "text/csv").GET());

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
  }

  @Test
  void anUnsupportedBodyTypeIsAProblem() {
    assertProblem(
        http.send(
            http.request("/v1/flows/afterpay-x/refunds")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<refund/>"))),
        415);
  }

  /**
   * Found by deploy/local/fuzz-api.sh: with multipart parsing on, a request merely claiming
   * multipart/form-data (without a boundary) failed before any controller, a 500 with an ERROR log.
   */
  @Test
  void aMultipartContentTypeIsNeverAServerError() {
    Http.Reply read =
        http.send(http.request("/v1/flows/afterpay-x").header("Content-Type", "multipart/form-data").GET());
    Http.Reply callback =
        http.send(
            http.request("/v1/callbacks/afterpay/afterpay-x/confirm?status=SUCCESS")
                .header("Content-Type", "multipart/form-data")
                .GET());
    Http.Reply refund =
        http.send(
            http.request("/v1/flows/afterpay-x/refunds")
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("--x")));

    assertProblem(read, 404);
    assertThat(callback.status()).as(callback.toString()).isBetween(400, 499);
    assertProblem(refund, 415);
  }

  /**
   * Errors answered through the error page (the body limit's 413, the firewall's refusal of a
   * method it does not know) name the request's path as their instance, not "/error" (seen while
   * fuzzing with Schemathesis).
   */
  @Test
  void anErrorFromTheErrorPageNamesTheRequestsPath() {
    Http.Reply tooLarge =
        http.send(
            http.request("/v1/flows/afterpay-x/refunds")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("a".repeat(300 * 1024))));
    Http.Reply unknownMethod =
        http.send(http.request("/v1/flows/afterpay-x").method("QUERY", HttpRequest.BodyPublishers.noBody()));

    assertThat(assertProblem(tooLarge, 413).path("instance").asString()).isEqualTo("/v1/flows/afterpay-x/refunds");
    assertThat(assertProblem(unknownMethod, 400).path("instance").asString()).isEqualTo("/v1/flows/afterpay-x");
  }

  @Test
  void aMalformedRequestLineIsAProblem() {
    String answer = RawHttp.send(port, "GET /v1/flows/a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).doesNotContain("<html");
  }

  @Test
  void theOpenApiServerIsConfiguredNeverTheRequestsHost() {
    String answer = RawHttp.get(port, "/v3/api-docs", "evil.example:666");

    assertThat(answer).startsWith("HTTP/1.1 200");
    assertThat(answer).doesNotContain("evil.example");
    JsonNode docs = Http.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(docs.path("servers").get(0).path("url").asString()).isEqualTo("http://localhost:8080");
  }
}
