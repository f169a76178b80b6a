package org.financingorchestrator.activities.afterpay;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to call Afterpay. {@code baseUrl} is the API root without {@code /v1}
 * (https://api.us-sandbox.afterpay.com, or http://localhost:8090/afterpay for the local sandbox).
 */
public record AfterpayClientSettings(URI baseUrl, String merchantId, String secretKey) {

  public AfterpayClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    requireText(merchantId, "merchantId");
    requireText(secretKey, "secretKey");
  }

  /** The base URL as Feign's target: no trailing slash, since every path starts with /v1/. */
  public String target() {
    String url = baseUrl.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "AfterpayClientSettings[baseUrl=" + baseUrl + ", merchantId=" + merchantId + ", secretKey=****]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
