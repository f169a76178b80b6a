package org.financingorchestrator.api.common;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where shoppers' browsers and providers reach this app from outside; every callback URL given to
 * a provider starts with it.
 */
@ConfigurationProperties("callbacks")
public record CallbacksProperties(@DefaultValue("http://localhost:8080") URI publicBaseUrl) {

  /** {@code {public-base-url}/v1/callbacks/{provider}/{flowId}/{action}}. */
  public String callbackUrl(String provider, String flowId, String action) {
    return UriComponentsBuilder.fromUri(publicBaseUrl)
        .pathSegment("v1", "callbacks", provider, flowId, action)
        .encode()
        .build()
        .toUriString();
  }
}
