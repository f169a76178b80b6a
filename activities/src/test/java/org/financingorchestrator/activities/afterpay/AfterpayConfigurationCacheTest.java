package org.financingorchestrator.activities.afterpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.activities.common.MutableClock;
import org.financingorchestrator.workflows.afterpay.AfterpayPaymentLimits;
import org.financingorchestrator.workflows.common.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /v1/configuration is reused for as long as its Cache-Control max-age says, and no longer. */
class AfterpayConfigurationCacheTest {

  @RegisterExtension
  static WireMockExtension afterpay =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CONFIGURATION =
      """
      [{"type": "PAY_BY_INSTALLMENT", "description": "Pay over time",
        "minimumAmount": {"amount": "1.00", "currency": "USD"},
        "maximumAmount": {"amount": "1000.00", "currency": "USD"}}]
      """;

  private static final AfterpayPaymentLimits LIMITS =
      new AfterpayPaymentLimits(Money.of("1.00", "USD"), Money.of("1000.00", "USD"));

  private final MutableClock clock = new MutableClock(AfterpayFixtures.NOW);
  private final AfterpayActivitiesImpl activities =
      AfterpayFixtures.activities(AfterpayFixtures.api(afterpay.baseUrl()), clock);

  @Test
  void reusesTheConfigurationWithinMaxAgeAndFetchesItAgainAfter() {
    stubConfiguration(answer().withHeader("Cache-Control", "public, max-age=300"));

    assertThat(activities.getConfiguration()).isEqualTo(LIMITS);
    clock.advance(Duration.ofSeconds(299));
    assertThat(activities.getConfiguration()).isEqualTo(LIMITS);
    assertConfigurationRequests(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(activities.getConfiguration()).isEqualTo(LIMITS);
    assertConfigurationRequests(2);
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    // The server's delay keeps the first fetch in flight while the others arrive.
    stubConfiguration(answer().withHeader("Cache-Control", "max-age=300").withFixedDelay(300));
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<AfterpayPaymentLimits>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(callers.submit(activities::getConfiguration));
      }
      for (Future<AfterpayPaymentLimits> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(LIMITS);
      }
    } finally {
      callers.shutdownNow();
    }
    assertConfigurationRequests(1);
  }

  @Test
  void fetchesEveryTimeWhenTheAnswerSaysNoStore() {
    stubConfiguration(answer().withHeader("Cache-Control", "no-store, max-age=300"));

    activities.getConfiguration();
    activities.getConfiguration();

    assertConfigurationRequests(2);
  }

  @Test
  void fetchesEveryTimeWhenTheAnswerSaysNoCache() {
    stubConfiguration(answer().withHeader("Cache-Control", "max-age=300, no-cache"));

    activities.getConfiguration();
    activities.getConfiguration();

    assertConfigurationRequests(2);
  }

  @Test
  void fetchesEveryTimeWhenTheAnswerHasNoCacheControl() {
    stubConfiguration(answer());

    activities.getConfiguration();
    activities.getConfiguration();

    assertConfigurationRequests(2);
  }

  @Test
  void answersNoLimitsWhenTheMerchantHasNoPayByInstallment() {
    stubConfiguration(
        aResponse()
            .withStatus(200)
            .withBody("[{\"type\": \"PAY_NOW\", \"maximumAmount\": {\"amount\": \"9.00\", \"currency\": \"USD\"}}]"));

    assertThat(activities.getConfiguration()).isEqualTo(new AfterpayPaymentLimits(null, null));
  }

  @Test
  void keepsAMissingMinimumAsNull() {
    stubConfiguration(
        aResponse()
            .withStatus(200)
            .withBody(
                "[{\"type\": \"PAY_BY_INSTALLMENT\","
                    + " \"maximumAmount\": {\"amount\": \"500.00\", \"currency\": \"USD\"}}]"));

    assertThat(activities.getConfiguration())
        .isEqualTo(new AfterpayPaymentLimits(null, Money.of("500.00", "USD")));
  }

  private static ResponseDefinitionBuilder answer() {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(CONFIGURATION);
  }

  private static void stubConfiguration(ResponseDefinitionBuilder answer) {
    afterpay.stubFor(get("/v1/configuration").willReturn(answer));
  }

  private static void assertConfigurationRequests(int count) {
    afterpay.verify(count, getRequestedFor(urlEqualTo("/v1/configuration")));
  }
}
