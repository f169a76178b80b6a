package org.financingorchestrator.activities.flexiti;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Puts the worker's one Flexiti bearer token on every POS API call. */
final class FlexitiBearer implements RequestInterceptor {

  static final String AUTHORIZATION = "Authorization";
  static final String PREFIX = "Bearer ";

  private final FlexitiTokens tokens;

  FlexitiBearer(FlexitiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void apply(RequestTemplate template) {
    template.removeHeader(AUTHORIZATION);
    template.header(AUTHORIZATION, PREFIX + tokens.accessToken());
  }
}
