package org.financingorchestrator.activities.afterpay;

import feign.RequestTemplate;
import feign.RequestInterceptor;
import org.financingorchestrator.activities.common.BasicAuthorization;
import org.financingorchestrator.activities.common.UserAgent;

/**
 * The request headers Afterpay documents for every call: Basic credentials (merchant id as user,
 * secret key as password), Accept application/json, Content-Type application/json on POST and PUT,
 * and a User-Agent naming this module, its platform and the merchant.
 */
final class AfterpayHeaders implements RequestInterceptor {

  private static final String JSON = "application/json";

  private final String authorization;
  private final String userAgent;

  AfterpayHeaders(AfterpayClientSettings settings) {
    this.authorization = BasicAuthorization.headerValue(settings.merchantId(), settings.secretKey());
    this.userAgent = UserAgent.forMerchant(settings.merchantId());
  }

  @Override
  public void apply(RequestTemplate template) {
    template.header("Authorization", authorization);
    template.header("Accept", JSON);
    template.header("User-Agent", userAgent);
    if ("POST".equals(template.method()) || "PUT".equals(template.method())) {
      template.header("Content-Type", JSON);
    }
  }
}
