package org.financingorchestrator.sandbox.afterpay;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * sandbox.afterpay.*: the merchant account the simulated Afterpay accepts and the values its
 * document leaves to the account (payment limits, token lifetime, caching).
 *
 * @param configurationMaxAge Cache-Control max-age of GET /v1/configuration; bare numbers are
 *     seconds
 * @param requestIdRetention how long a refund requestId answers with its first response (the
 *     document says up to 24 hours)
 */
@ConfigurationProperties("sandbox.afterpay")
public record AfterpayProperties(
    @DefaultValue("100101") String merchantId,
    @DefaultValue("sandbox-secret-key") String secretKey,
    @DefaultValue("1.00") BigDecimal minimumAmount,
    @DefaultValue("2000.00") BigDecimal maximumAmount,
    @DefaultValue("900s") @DurationUnit(ChronoUnit.SECONDS) Duration configurationMaxAge,
    @DefaultValue("PT3H") Duration orderTtl,
    @DefaultValue("PT24H") Duration requestIdRetention) {

  @Override
  public String toString() {
    return "AfterpayProperties[merchantId="
        + merchantId
        + ", secretKey=****, minimumAmount="
        + minimumAmount
        + ", maximumAmount="
        + maximumAmount
        + ", configurationMaxAge="
        + configurationMaxAge
        + ", orderTtl="
        + orderTtl
        + ", requestIdRetention="
        + requestIdRetention
        + "]";
  }
}
