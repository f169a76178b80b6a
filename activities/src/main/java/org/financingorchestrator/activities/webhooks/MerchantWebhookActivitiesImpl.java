package org.financingorchestrator.activities.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.financingorchestrator.activities.common.ProviderJson;
import org.financingorchestrator.activities.common.UserAgent;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookActivities;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs an event to the merchant's webhook, signed with its secret; one attempt per call, Temporal
 * retries (MerchantWebhookOptions). Each attempt is signed anew with the time it is sent, so a
 * receiver that refuses old timestamps (replays) still takes a late retry. The body is the same
 * bytes on every attempt. Redirects are not followed: an endpoint that moved answers 3xx, which is
 * not an acknowledgement.
 */
public class MerchantWebhookActivitiesImpl implements MerchantWebhookActivities {

  /** The kinds of attempt failure, as the ApplicationFailure's type. */
  public static final String NOT_ACKNOWLEDGED = "webhook_not_acknowledged";
  public static final String UNREACHABLE = "webhook_unreachable";

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(MerchantWebhookActivitiesImpl.class);

  private final Function<String, Optional<WebhookEndpoint>> endpoints;
  private final HttpClient http;
  private final Clock clock;
  private final ObjectMapper json = ProviderJson.newObjectMapper();

  public MerchantWebhookActivitiesImpl(
      Function<String, Optional<WebhookEndpoint>> endpoints, HttpClient http, Clock clock) {
    this.endpoints = endpoints;
    this.http = http;
    this.clock = clock;
  }

  /** With its own HTTP client: short timeouts, no redirects, HTTP/1.1 (what any receiver speaks). */
  public static MerchantWebhookActivitiesImpl create(Map<String, WebhookEndpoint> endpoints) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    return new MerchantWebhookActivitiesImpl(
        merchantId -> Optional.ofNullable(endpoints.get(merchantId)), http, Clock.systemUTC());
  }

  @Override
  public int post(MerchantWebhookDelivery delivery) {
    String eventId = delivery.event().id();
    Optional<WebhookEndpoint> endpoint = endpoints.apply(delivery.merchantId());
    if (endpoint.isEmpty()) {
      // Its webhook was removed after the flow asked: nowhere to send, nothing to retry.
      log.warn("Merchant {} has no webhook configured any more: event {} not sent", delivery.merchantId(), eventId);
      return 0;
    }
    byte[] body = body(delivery);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.get().url())
            .timeout(ANSWER_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "FinancingOrchestrator-Webhooks/" + UserAgent.VERSION)
            .header(WebhookSignature.ID_HEADER, eventId)
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(WebhookSignature.SIGNATURE_HEADER, endpoint.get().signature().sign(eventId, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    int status = send(request, delivery);
    if (status / 100 != 2) {
      throw ApplicationFailure.newFailure(
          "Merchant " + delivery.merchantId() + "'s webhook answered " + status + " to event " + eventId,
          NOT_ACKNOWLEDGED);
    }
    return status;
  }

  private int send(HttpRequest request, MerchantWebhookDelivery delivery) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      // The URL stays out of the message: it may carry a token of the merchant's.
      throw ApplicationFailure.newFailure(
          "Merchant " + delivery.merchantId() + "'s webhook could not be reached: " + e.getClass().getSimpleName(),
          UNREACHABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private byte[] body(MerchantWebhookDelivery delivery) {
    try {
      return json.writeValueAsBytes(delivery.event());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event is plain data", e);
    }
  }
}
