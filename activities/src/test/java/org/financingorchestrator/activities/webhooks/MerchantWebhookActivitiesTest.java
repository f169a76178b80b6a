package org.financingorchestrator.activities.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookDelivery;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookEvent;
import org.financingorchestrator.workflows.webhooks.WebhookAmount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MerchantWebhookActivitiesTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  @RegisterExtension
  static WireMockExtension merchant = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MerchantWebhookEvent event =
      new MerchantWebhookEvent(
          "evt_0123456789abcdef0123456789abcdef_6", "flow.captured", Instant.parse("2026-11-22T07:59:58.123Z"),
          "afterpay-shopa-order-1001", "afterpay", "shopa", "order-1001", "CAPTURED",
          new WebhookAmount("21.85", "USD"), new WebhookAmount("21.85", "USD"), new WebhookAmount("0.00", "USD"), null);

  private MerchantWebhookActivitiesImpl activities() {
    WebhookEndpoint endpoint = WebhookEndpoint.of(merchant.baseUrl() + "/hooks/financing", SECRET);
    return new MerchantWebhookActivitiesImpl(
        merchantId -> Optional.ofNullable(Map.of("shopa", endpoint).get(merchantId)),
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void postsTheEventSignedWithTheMerchantsSecretAndTheTimeOfTheAttempt() throws Exception {
    merchant.stubFor(post(urlEqualTo("/hooks/financing")).willReturn(aResponse().withStatus(204)));

    int status = activities().post(new MerchantWebhookDelivery("shopa", event));

    assertThat(status).isEqualTo(204);
    LoggedRequest request = merchant.findAll(postRequestedFor(urlEqualTo("/hooks/financing"))).get(0);
    assertThat(request.getHeader("webhook-id")).isEqualTo(event.id());
    assertThat(request.getHeader("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(request.getHeader("webhook-signature"))
        .isEqualTo(new WebhookSignature(SECRET).sign(event.id(), NOW.getEpochSecond(), request.getBody()));
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    JsonNode body = new ObjectMapper().readTree(request.getBody());
    assertThat(body.get("type").asText()).isEqualTo("flow.captured");
    assertThat(body.get("createdAt").asText()).isEqualTo("2026-11-22T07:59:58.123Z");
    // Amounts are exact decimal strings, never JSON numbers; no null fields.
    assertThat(body.get("capturedAmount").get("amount").isTextual()).isTrue();
    assertThat(body.get("capturedAmount").get("amount").asText()).isEqualTo("21.85");
    assertThat(body.has("failure")).isFalse();
  }

  @Test
  void anyAnswerButTwoHundredsFailsTheAttemptForTemporalToRetry() {
    for (int status : new int[] {500, 503, 429, 404, 400, 301}) {
      merchant.stubFor(post(urlEqualTo("/hooks/financing")).willReturn(aResponse().withStatus(status)
          .withHeader("Location", "https://elsewhere.example/")));

      ApplicationFailure failure =
          catchThrowableOfType(
              ApplicationFailure.class, () -> activities().post(new MerchantWebhookDelivery("shopa", event)));

      assertThat(failure.getType()).isEqualTo(MerchantWebhookActivitiesImpl.NOT_ACKNOWLEDGED);
      assertThat(failure.isNonRetryable()).isFalse();
      assertThat(failure.getOriginalMessage()).contains(Integer.toString(status)).doesNotContain("whsec_");
    }
  }

  @Test
  void anUnreachableEndpointFailsTheAttemptWithoutNamingTheUrl() {
    WebhookEndpoint closed = WebhookEndpoint.of("http://127.0.0.1:1/hooks?token=merchant-secret-token", SECRET);
    MerchantWebhookActivitiesImpl activities =
        new MerchantWebhookActivitiesImpl(merchantId -> Optional.of(closed), HttpClient.newHttpClient(), Clock.systemUTC());

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> activities.post(new MerchantWebhookDelivery("shopa", event)));

    assertThat(failure.getType()).isEqualTo(MerchantWebhookActivitiesImpl.UNREACHABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).doesNotContain("merchant-secret-token");
  }

  @Test
  void aMerchantWhoseWebhookWasRemovedGetsNothingAndNothingIsRetried() {
    assertThat(activities().post(new MerchantWebhookDelivery("other", event))).isZero();
    assertThat(merchant.findAll(postRequestedFor(urlEqualTo("/hooks/financing")))).isEmpty();
  }
}
