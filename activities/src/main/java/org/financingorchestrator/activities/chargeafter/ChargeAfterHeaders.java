package org.financingorchestrator.activities.chargeafter;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.financingorchestrator.activities.common.UserAgent;

/**
 * The headers of every ChargeAfter call: the private API key as Bearer (the document's one rule),
 * Accept and, on POST, Content-Type application/json, and our User-Agent.
 */
final class ChargeAfterHeaders implements RequestInterceptor {

  private static final String JSON = "application/json";

  private final String authorization;

  ChargeAfterHeaders(ChargeAfterClientSettings settings) {
    this.authorization = "Bearer " + settings.privateKey();
  }

  @Override
  public void apply(RequestTemplate template) {
    template.header("Authorization", authorization);
    template.header("Accept", JSON);
    template.header("User-Agent", UserAgent.MODULE + "/" + UserAgent.VERSION);
    if ("POST".equals(template.method())) {
      template.header("Content-Type", JSON);
    }
  }
}
