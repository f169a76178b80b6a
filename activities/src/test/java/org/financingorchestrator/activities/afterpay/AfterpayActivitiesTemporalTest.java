package org.financingorchestrator.activities.afterpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.financingorchestrator.workflows.afterpay.AfterpayActivities;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The classified failure reaches Temporal intact through its data converter: type, non-retryable
 * flag, next-retry delay and the ProviderFailure details. (The test activity environment runs one
 * attempt; retrying is the workflow's retry policy, tested in the workflows module.)
 */
class AfterpayActivitiesTemporalTest {

  @RegisterExtension
  static WireMockExtension afterpay =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestActivityEnvironment environment;
  private AfterpayActivities activities;

  @BeforeEach
  void setUp() {
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(
        AfterpayFixtures.activities(AfterpayFixtures.api(afterpay.baseUrl()), Clock.systemUTC()));
    activities =
        environment.newActivityStub(
            AfterpayActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
  }

  @AfterEach
  void tearDown() {
    environment.close();
  }

  @Test
  void aCaptureHeartbeatsWhileAfterpayTakesItsTimeSoADeadWorkerIsNoticedEarly() {
    AtomicInteger beats = beatsOfAnApprovedCapture(2_000, Duration.ofMillis(600));

    // One beat every 200 ms while Afterpay held the answer for 2 s.
    assertThat(beats.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aCaptureAnsweredWithinAThirdOfTheHeartbeatTimeoutSendsNoHeartbeat() {
    AtomicInteger beats = beatsOfAnApprovedCapture(0, Duration.ofSeconds(30));

    // The first beat is due 10 s in; the answer came at once.
    assertThat(beats.get()).isZero();
  }

  /** Captures through an activity with this heartbeat timeout, Afterpay answering after {@code delayMillis}. */
  private AtomicInteger beatsOfAnApprovedCapture(int delayMillis, Duration heartbeatTimeout) {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withFixedDelay(delayMillis)
                    .withBody(
                        "{\"id\":\"12345678\",\"token\":\"tok\",\"status\":\"APPROVED\","
                            + "\"totalAmount\":{\"amount\":\"21.85\",\"currency\":\"USD\"}}")));
    AtomicInteger beats = new AtomicInteger();
    environment.setActivityHeartbeatListener(Object.class, details -> beats.incrementAndGet());
    AfterpayActivities heartbeating =
        environment.newActivityStub(
            AfterpayActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setHeartbeatTimeout(heartbeatTimeout)
                .build());
    assertThat(heartbeating.capture("tok", "order-1").id()).isEqualTo("12345678");
    return beats;
  }

  @Test
  void aDeclinedCaptureReachesTemporalAsANonRetryableFailure() {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withBody(
                        "{\"errorCode\": \"declined\", \"errorId\": \"e42\","
                            + " \"message\": \"Payment declined\", \"httpStatusCode\": 402}")));

    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> activities.capture(AfterpayFixtures.TOKEN, "o-1"));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo("declined");
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(ProviderFailure.from(failure))
        .contains(new ProviderFailure("afterpay", 402, "declined", "Payment declined", "e42", false));
  }

  @Test
  void aThrottledCaptureReachesTemporalAsARetryableFailureWithItsDelay() {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> activities.capture(AfterpayFixtures.TOKEN, "o-1"));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo("http_429");
    assertThat(cause.isNonRetryable()).isFalse();
    assertThat(cause.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(ProviderFailure.from(failure))
        .contains(new ProviderFailure("afterpay", 429, "http_429", "HTTP 429", null, true));
  }
}
