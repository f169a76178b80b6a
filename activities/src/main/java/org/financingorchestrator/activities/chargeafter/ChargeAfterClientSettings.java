package org.financingorchestrator.activities.chargeafter;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom to call ChargeAfter: the API root ({@code omnichannel/...} paths follow it;
 * http://localhost:8090/chargeafter for the local sandbox) and the merchant's private API key.
 */
public record ChargeAfterClientSettings(URI baseUrl, String privateKey) {

  public ChargeAfterClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (privateKey == null || privateKey.isBlank()) {
      throw new IllegalArgumentException("privateKey is required");
    }
  }

  /** The base URL as Feign's target: no trailing slash, since every path starts with /omnichannel. */
  public String target() {
    String url = baseUrl.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "ChargeAfterClientSettings[baseUrl=" + baseUrl + ", privateKey=****]";
  }
}
