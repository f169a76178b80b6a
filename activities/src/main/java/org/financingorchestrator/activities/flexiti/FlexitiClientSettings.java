package org.financingorchestrator.activities.flexiti;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to call Flexiti: the POS API root ({@code .../flexiti/pos-api/v2}, or
 * http://localhost:8090/flexiti for the local sandbox), the developer credentials for
 * /oauth/token and the merchant's log-in.
 */
public record FlexitiClientSettings(
    URI baseUrl, String clientId, String clientSecret, String merchantUsername, String merchantPassword) {

  public FlexitiClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    requireText(merchantUsername, "merchantUsername");
    requireText(merchantPassword, "merchantPassword");
  }

  /** The base URL as Feign's target: no trailing slash, since every path starts with '/'. */
  public String target() {
    String url = baseUrl.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "FlexitiClientSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=****, merchantUsername="
        + merchantUsername + ", merchantPassword=****]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
