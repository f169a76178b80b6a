package org.financingorchestrator.activities.affirm;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.financingorchestrator.activities.common.BasicAuthorization;
import org.financingorchestrator.activities.common.UserAgent;

/**
 * The headers of every Affirm call: Basic credentials (public key as user, private key as
 * password, as the document's {@code -u "<public_api_key>:<private_api_key>"}), JSON both ways,
 * and a User-Agent naming this module.
 */
final class AffirmHeaders implements RequestInterceptor {

  private static final String JSON = "application/json";

  private final String authorization;
  private final String userAgent;

  AffirmHeaders(AffirmClientSettings settings) {
    this.authorization = BasicAuthorization.headerValue(settings.publicApiKey(), settings.privateApiKey());
    this.userAgent = UserAgent.forMerchant(settings.publicApiKey());
  }

  @Override
  public void apply(RequestTemplate template) {
    template.header("Authorization", authorization);
    template.header("Accept", JSON);
    template.header("Content-Type", JSON);
    template.header("User-Agent", userAgent);
  }
}
