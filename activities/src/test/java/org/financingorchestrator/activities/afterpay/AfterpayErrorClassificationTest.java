package org.financingorchestrator.activities.afterpay;

import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every non-2xx answer becomes, once and at the client, the ApplicationFailure the activity fails
 * with: type = Afterpay's errorCode, details = the ProviderFailure, non-retryable unless 409, 429
 * or 5xx, next-retry delay from Retry-After.
 */
class AfterpayErrorClassificationTest {

  @RegisterExtension
  static WireMockExtension afterpay =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Fixed at 2026-10-21T07:26:00Z, two minutes before the Retry-After date below. */
  private final Clock clock = Clock.fixed(AfterpayFixtures.NOW, ZoneOffset.UTC);

  static Stream<Arguments> answers() {
    return Stream.of(
        row(error(400, "invalid_object", "[consumer.email is required]"),
            400, "invalid_object", "[consumer.email is required]", false, null),
        row(error(401, "unauthorized", "Credentials are required to access this resource."),
            401, "unauthorized", "Credentials are required to access this resource.", false, null),
        row(error(402, "declined", "Payment declined"), 402, "declined", "Payment declined", false, null),
        row(error(402, "invalid_token", "Cannot complete payment, expired or invalid token."),
            402, "invalid_token", "Cannot complete payment, expired or invalid token.", false, null),
        row(error(404, "not_found", "Not found"), 404, "not_found", "Not found", false, null),
        // The request may or may not have been processed: sent again with the same key.
        row(error(408, "request_timeout", "Request timed out"), 408, "request_timeout", "Request timed out", true, null),
        row(error(409, "conflict", "Another request for the token is in progress"),
            409, "conflict", "Another request for the token is in progress", true, null),
        row(error(412, "precondition_failed", "The payment is not eligible for a refund"),
            412, "precondition_failed", "The payment is not eligible for a refund", false, null),
        row(error(422, "invalid_amount", "Refunds exceed the payment amount"),
            422, "invalid_amount", "Refunds exceed the payment amount", false, null),
        row(error(429, "too_many_requests", "Slow down").withHeader("Retry-After", "30"),
            429, "too_many_requests", "Slow down", true, Duration.ofSeconds(30)),
        row(error(429, "too_many_requests", "Slow down")
                .withHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"),
            429, "too_many_requests", "Slow down", true, Duration.ofMinutes(2)),
        row(error(500, "server_error", "Internal error"), 500, "server_error", "Internal error", true, null),
        row(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Down for maintenance</body></html>"),
            503, "http_503", "HTTP 503", true, null),
        row(aResponse().withStatus(502), 502, "http_502", "HTTP 502", true, null),
        row(aResponse().withStatus(406).withBody("{}"), 406, "http_406", "HTTP 406", false, null));
  }

  @ParameterizedTest(name = "{index}: {1} {2}")
  @MethodSource("answers")
  void classifiesTheAnswerOnce(
      ResponseDefinitionBuilder answer,
      int status,
      String code,
      String message,
      boolean retryable,
      Duration nextRetryDelay) {
    afterpay.stubFor(post("/v1/payments/capture").willReturn(answer));
    var activities =
        AfterpayFixtures.activities(
            AfterpayFixtures.api(afterpay.baseUrl(), AfterpayTimeouts.DOCUMENTED, clock), clock);

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> activities.capture(AfterpayFixtures.TOKEN, null));

    assertThat(failure.getType()).isEqualTo(code);
    assertThat(failure.isNonRetryable()).isEqualTo(!retryable);
    assertThat(failure.getNextRetryDelay()).isEqualTo(nextRetryDelay);
    String errorId = code.startsWith("http_") ? null : "cf5907fbf8fbc417";
    assertThat(failure.getDetails().get(ProviderFailure.class))
        .isEqualTo(new ProviderFailure("afterpay", status, code, message, errorId, retryable));
    // Feign does not retry: one request, and Temporal decides about the next.
    afterpay.verify(1, postRequestedFor(urlEqualTo("/v1/payments/capture")));
  }

  @Test
  void feignThrowsTheDecodersFailureAsItIsNotWrapped() {
    afterpay.stubFor(post("/v1/orders").willReturn(error(422, "invalid_amount", "too much")));
    AfterpayApi api = AfterpayFixtures.api(afterpay.baseUrl());

    Throwable thrown =
        catchThrowable(
            () -> api.createOrder(AfterpayWireMapper.createOrderRequest(AfterpayFixtures.createOrder())));

    assertThat(thrown).isExactlyInstanceOf(ApplicationFailure.class).hasNoCause();
    ApplicationFailure failure = (ApplicationFailure) thrown;
    assertThat(failure.getType()).isEqualTo("invalid_amount");
    assertThat(failure.getOriginalMessage()).isEqualTo("afterpay 422 invalid_amount: too much");
  }

  private static ResponseDefinitionBuilder error(int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"errorCode": "%s", "errorId": "cf5907fbf8fbc417", "message": "%s", "httpStatusCode": %d}
            """
                .formatted(code, message, status));
  }

  private static Arguments row(
      ResponseDefinitionBuilder answer,
      int status,
      String code,
      String message,
      boolean retryable,
      Duration nextRetryDelay) {
    return Arguments.of(answer, status, code, message, retryable, nextRetryDelay);
  }
}
