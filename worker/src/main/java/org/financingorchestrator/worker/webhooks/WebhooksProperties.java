package org.financingorchestrator.worker.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.financingorchestrator.activities.webhooks.WebhookEndpoint;

/**
 * {@code webhooks.merchants.<merchantId>.url} and {@code .secret}: where each merchant's events go
 * and the Standard Webhooks secret ({@code whsec_<base64>}) they are signed with. Give the secret
 * by environment ({@code WEBHOOKS_MERCHANTS_<ID>_SECRET}, from a Kubernetes Secret), never in a
 * file in the repository. A merchant not listed gets no webhooks.
 */
public record WebhooksProperties(Map<String, MerchantWebhook> merchants) {

  /** Where they are bound (also the deploy checks' way to know these properties). */
  public static final String PROPERTIES = "webhooks";

  public WebhooksProperties {
    merchants = merchants == null ? Map.of() : Map.copyOf(merchants);
  }

  public record MerchantWebhook(String url, String secret) {

    @Override
    public String toString() {
      return "MerchantWebhook[url=" + url + ", secret=****]";
    }
  }

  /**
   * Each merchant's endpoint, checked now: a URL without a secret (or the reverse) stops the
   * worker from starting rather than sending unsigned events or none.
   */
  public Map<String, WebhookEndpoint> endpoints() {
    Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    merchants.forEach(
        (merchantId, webhook) -> {
          if (isBlank(webhook.url()) || isBlank(webhook.secret())) {
            throw new IllegalStateException(
                "webhooks.merchants." + merchantId + " needs both url and secret");
          }
          try {
            endpoints.put(merchantId, WebhookEndpoint.of(webhook.url(), webhook.secret()));
          } catch (IllegalArgumentException e) {
            // The message never carries the secret, only what is wrong with it.
            throw new IllegalStateException("webhooks.merchants." + merchantId + ": " + e.getMessage());
          }
        });
    return Map.copyOf(endpoints);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
