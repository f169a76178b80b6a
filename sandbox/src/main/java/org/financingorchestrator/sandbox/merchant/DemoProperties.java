package org.financingorchestrator.sandbox.merchant;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * sandbox.demo.*: where the demo shop reaches starter-api's merchant API, and the API key it
 * sends there. The shop is off unless {@code api-base-url} is set (run.sh sets both, with the
 * local profile's demo merchant).
 *
 * @param apiBaseUrl starter-api's address as this server reaches it, e.g. http://localhost:8080
 * @param apiKey the demo merchant's API key (Bearer)
 */
@ConfigurationProperties("sandbox.demo")
public record DemoProperties(URI apiBaseUrl, String apiKey) {

  public DemoProperties {
    if (apiBaseUrl != null && (apiKey == null || apiKey.isBlank())) {
      throw new IllegalArgumentException("sandbox.demo.api-key is required with sandbox.demo.api-base-url");
    }
  }

  @Override
  public String toString() {
    return "DemoProperties[apiBaseUrl=" + apiBaseUrl + ", apiKey=****]";
  }
}
