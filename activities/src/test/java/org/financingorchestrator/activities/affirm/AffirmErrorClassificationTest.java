package org.financingorchestrator.activities.affirm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.financingorchestrator.activities.affirm.AffirmActivitiesRequestsTest.json;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.stream.Stream;
import org.financingorchestrator.workflows.affirm.AffirmAuthorization;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer other than success becomes, once and at the client, the ApplicationFailure the
 * activity fails with: type = Affirm's code, details = the ProviderFailure with its message;
 * 400 and 401 final, network errors, 408, 429 and 5xx retryable.
 */
class AffirmErrorClassificationTest {

  @RegisterExtension
  static WireMockExtension affirm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static Stream<Arguments> answers() {
    return Stream.of(
        row(error(400, "authorization-failed"), 400, "authorization-failed", false, null),
        row(error(401, "unauthorized"), 401, "unauthorized", false, null),
        row(error(401, "checkout-token-expired"), 401, "checkout-token-expired", false, null),
        row(error(404, "not-found"), 404, "not-found", false, null),
        row(error(408, "request-timeout"), 408, "request-timeout", true, null),
        row(error(429, "rate-limited").withHeader("Retry-After", "30"), 429, "rate-limited", true, Duration.ofSeconds(30)),
        row(error(500, "server-error"), 500, "server-error", true, null),
        row(aResponse().withStatus(502).withBody("<html>bad gateway</html>"), 502, "http_502", true, null),
        row(json(200, "not json"), 200, ProviderFailure.MALFORMED_RESPONSE, false, null),
        row(json(200, "{\"id\":\"X\"}"), 200, ProviderFailure.MALFORMED_RESPONSE, false, null),
        row(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 0, ProviderFailure.UNREACHABLE, true, null));
  }

  @ParameterizedTest
  @MethodSource("answers")
  void classifiesEachAnswerOnce(
      ResponseDefinitionBuilder answer, int status, String code, boolean retryable, Duration nextRetryDelay) {
    affirm.stubFor(post("/api/v2/charges").willReturn(answer));
    AffirmActivitiesImpl activities = new AffirmActivitiesImpl(AffirmActivitiesRequestsTest.api(affirm.baseUrl()));

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> activities.authorize(new AffirmAuthorization("T", "O", "k")));

    assertThat(failure.getType()).isEqualTo(code);
    assertThat(failure.isNonRetryable()).isEqualTo(!retryable);
    assertThat(failure.getNextRetryDelay()).isEqualTo(nextRetryDelay);
    ProviderFailure details = failure.getDetails().get(ProviderFailure.class);
    assertThat(details.provider()).isEqualTo(AffirmCheckoutWorkflow.PROVIDER);
    assertThat(details.httpStatus()).isEqualTo(status);
    assertThat(details.retryable()).isEqualTo(retryable);
    if (code.contains("-")) {
      assertThat(details.message()).isEqualTo(AffirmCheckoutWorkflow.AUTHORIZATION_MESSAGE);
    }
  }

  private static ResponseDefinitionBuilder error(int status, String code) {
    return json(
        status,
        "{\"status_code\":" + status + ",\"type\":\"invalid_request\",\"code\":\"" + code + "\",\"message\":\""
            + AffirmCheckoutWorkflow.AUTHORIZATION_MESSAGE + "\"}");
  }

  private static Arguments row(
      ResponseDefinitionBuilder answer, int status, String code, boolean retryable, Duration nextRetryDelay) {
    return Arguments.of(answer, status, code, retryable, nextRetryDelay);
  }
}
