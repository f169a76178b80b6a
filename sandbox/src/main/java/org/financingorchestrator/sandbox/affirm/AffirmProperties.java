package org.financingorchestrator.sandbox.affirm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * sandbox.affirm.*: the merchant's API keys the simulated Affirm accepts and the times its
 * document leaves open.
 *
 * @param checkoutTokenTtl how long a checkout_token can be authorized after the shopper confirmed
 * @param authorizationTtl how long an authorization stays capturable (its {@code expires})
 */
@ConfigurationProperties("sandbox.affirm")
public record AffirmProperties(
    @DefaultValue("sandbox-public-key") String publicApiKey,
    @DefaultValue("sandbox-private-key") String privateApiKey,
    @DefaultValue("PT1H") Duration checkoutTokenTtl,
    @DefaultValue("P30D") Duration authorizationTtl) {

  @Override
  public String toString() {
    return "AffirmProperties[publicApiKey=" + publicApiKey + ", privateApiKey=****, checkoutTokenTtl="
        + checkoutTokenTtl + ", authorizationTtl=" + authorizationTtl + "]";
  }
}
