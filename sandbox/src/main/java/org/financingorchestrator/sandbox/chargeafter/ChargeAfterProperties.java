package org.financingorchestrator.sandbox.chargeafter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * sandbox.chargeafter.*: the private API key the simulated ChargeAfter accepts as Bearer.
 *
 * @param lenderName the lender every approval names
 * @param creditAmount the credit every approval offers, as ChargeAfter writes it ("5000")
 */
@ConfigurationProperties("sandbox.chargeafter")
public record ChargeAfterProperties(
    @DefaultValue("sandbox-chargeafter-private-key") String privateKey,
    @DefaultValue("Sandbox Lender") String lenderName,
    @DefaultValue("5000") String creditAmount) {

  @Override
  public String toString() {
    return "ChargeAfterProperties[privateKey=****, lenderName=" + lenderName + ", creditAmount=" + creditAmount + "]";
  }
}
