package org.financingorchestrator.benchmark.afterpay;

import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.ProviderLoad;

/** The Afterpay checkout, created, approved at the sandbox's Afterpay and confirmed. */
public final class AfterpayLoad implements ProviderLoad {

  @Override
  public String provider() {
    return "afterpay";
  }

  @Override
  public AfterpayCheckoutScript stack(Endpoints at) {
    return new AfterpayCheckoutScript(at.http(), at.api() + "/v1/afterpay/checkouts", at.authorization(), at.sandbox());
  }

  @Override
  public FlowScript direct(Endpoints at) {
    return new AfterpayCheckoutScript(at.http(), at.direct() + "/direct/afterpay/checkouts", null, at.sandbox());
  }
}
