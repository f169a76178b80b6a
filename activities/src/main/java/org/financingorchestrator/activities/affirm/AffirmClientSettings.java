package org.financingorchestrator.activities.affirm;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to call Affirm. {@code baseUrl} is the API root without {@code /api/v2}
 * (https://sandbox.affirm.com, or http://localhost:8090/affirm for the local sandbox); the keys
 * are the merchant's public and private API keys (Basic credentials).
 */
public record AffirmClientSettings(URI baseUrl, String publicApiKey, String privateApiKey) {

  public AffirmClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    requireText(publicApiKey, "publicApiKey");
    requireText(privateApiKey, "privateApiKey");
  }

  /** The base URL as Feign's target: no trailing slash, since every path starts with /api/v2/. */
  public String target() {
    String url = baseUrl.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "AffirmClientSettings[baseUrl=" + baseUrl + ", publicApiKey=" + publicApiKey + ", privateApiKey=****]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
