package org.financingorchestrator.activities.afterpay;

import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No answer (refused, reset, too slow) is a retryable provider_unreachable failure with status 0:
 * the request may have been processed, and Afterpay's idempotency makes the retry safe.
 */
class AfterpayUnreachableTest {

  @RegisterExtension
  static WireMockExtension afterpay =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Every call reads 300 ms at most, capture 3 s: the server's 1 s delay is between the two. */
  private static final AfterpayTimeouts SHORT =
      AfterpayFixtures.shortTimeouts(Duration.ofMillis(300), Duration.ofSeconds(3));

  private final AfterpayApi api = AfterpayFixtures.api(afterpay.baseUrl(), SHORT, Clock.systemUTC());
  private final AfterpayActivitiesImpl activities =
      new AfterpayActivitiesImpl(api, new AfterpayConfigurationCache(api, Clock.systemUTC()), SHORT);

  @Test
  void aReadTimeoutIsARetryableUnreachableFailure() {
    afterpay.stubFor(
        post("/v1/orders")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withFixedDelay(1000)
                    .withBody("{\"token\": \"late\", \"expires\": \"2016-05-10T13:14:01Z\"}")));

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.createOrder(AfterpayFixtures.createOrder()));

    assertUnreachable(failure);
    ProviderFailure details = failure.getDetails().get(ProviderFailure.class);
    assertThat(details.message()).contains("HttpTimeoutException");
    // The failure names the cause only: nothing of the request (personal data) or credentials.
    assertThat(failure.getOriginalMessage()).doesNotContain("Joe", "joe@example.com", "secret");
  }

  @Test
  void captureWaitsForItsOwnLongerReadTimeout() {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withFixedDelay(1000)
                    .withBody(AfterpayFixtures.paymentJson("APPROVED"))));

    assertThat(activities.capture(AfterpayFixtures.TOKEN, null).approved()).isTrue();
  }

  @Test
  void aResetConnectionIsARetryableUnreachableFailure() {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertUnreachable(
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.capture(AfterpayFixtures.TOKEN, null)));
  }

  @Test
  void aRefusedConnectionIsARetryableUnreachableFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AfterpayApi refusing = AfterpayFixtures.api("http://localhost:" + closedPort, SHORT, Clock.systemUTC());

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> refusing.getPaymentByToken(AfterpayFixtures.TOKEN));

    assertUnreachable(failure);
    assertThat(failure.getDetails().get(ProviderFailure.class).message()).contains("ConnectException");
  }

  private static void assertUnreachable(ApplicationFailure failure) {
    assertThat(failure.getType()).isEqualTo(ProviderFailure.UNREACHABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isNull();
    ProviderFailure details = failure.getDetails().get(ProviderFailure.class);
    assertThat(details.provider()).isEqualTo("afterpay");
    assertThat(details.httpStatus()).isZero();
    assertThat(details.code()).isEqualTo(ProviderFailure.UNREACHABLE);
    assertThat(details.retryable()).isTrue();
    assertThat(details.errorId()).isNull();
  }
}
