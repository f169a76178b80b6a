package org.financingorchestrator.sandbox.flexiti;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * sandbox.flexiti.*: the developer and merchant accounts the simulated Flexiti accepts, how long its
 * access tokens live (expires_in; bare numbers are seconds), and the code its "sms" and "email"
 * verifications send (so a walk-through can enter it).
 */
@ConfigurationProperties("sandbox.flexiti")
public record FlexitiProperties(
    @DefaultValue("flexitidemo") String clientId,
    @DefaultValue("sandbox-client-secret") String clientSecret,
    @DefaultValue("merchantonline") String merchantUsername,
    @DefaultValue("sandbox-merchant-password") String merchantPassword,
    @DefaultValue("1200s") @DurationUnit(ChronoUnit.SECONDS) Duration tokenTtl,
    @DefaultValue("246810") String sentCode) {

  @Override
  public String toString() {
    return "FlexitiProperties[clientId=" + clientId + ", clientSecret=****, merchantUsername=" + merchantUsername
        + ", merchantPassword=****, tokenTtl=" + tokenTtl + ", sentCode=****]";
  }
}
