package org.financingorchestrator.benchmark.affirm;

import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.ProviderLoad;

/** The Affirm checkout: created, confirmed by the shopper at the sandbox's Affirm, authorized, captured. */
public final class AffirmLoad implements ProviderLoad {

  @Override
  public String provider() {
    return "affirm";
  }

  @Override
  public FlowScript stack(Endpoints at) {
    return new AffirmCheckoutScript(
        at.http(), at.api() + "/v1/affirm/checkouts", at.authorization(), at.sandbox(),
        flowId -> at.api() + "/v1/flows/" + flowId + "/capture");
  }

  @Override
  public FlowScript direct(Endpoints at) {
    return new AffirmCheckoutScript(
        at.http(), at.direct() + "/direct/affirm/checkouts", null, at.sandbox(),
        flowId -> at.direct() + "/direct/affirm/checkouts/" + flowId + "/capture");
  }
}
