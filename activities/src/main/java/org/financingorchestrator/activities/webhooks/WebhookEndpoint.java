package org.financingorchestrator.activities.webhooks;

import java.net.URI;
import java.util.Objects;

/** Where a merchant's events go and the secret they are signed with; the secret never prints. */
public record WebhookEndpoint(URI url, WebhookSignature signature) {

  public WebhookEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(signature, "signature");
    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
      throw new IllegalArgumentException("a webhook URL is http(s), not " + url.getScheme());
    }
  }

  public static WebhookEndpoint of(String url, String secret) {
    return new WebhookEndpoint(URI.create(url), new WebhookSignature(secret));
  }
}
