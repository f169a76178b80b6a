package org.financingorchestrator.benchmark.chargeafter;

import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.ProviderLoad;

/** The ChargeAfter send-link: sent, approved by the consumer at the sandbox's ChargeAfter, decided by the final postback. */
public final class ChargeAfterLoad implements ProviderLoad {

  @Override
  public String provider() {
    return "chargeafter";
  }

  @Override
  public FlowScript stack(Endpoints at) {
    return new ChargeAfterSendLinkScript(at.http(), at.api() + "/v1/chargeafter/send-links", at.authorization());
  }

  @Override
  public FlowScript direct(Endpoints at) {
    return new ChargeAfterSendLinkScript(at.http(), at.direct() + "/direct/chargeafter/send-links", null);
  }
}
