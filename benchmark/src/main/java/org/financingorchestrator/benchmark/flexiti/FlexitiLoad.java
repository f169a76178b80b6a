package org.financingorchestrator.benchmark.flexiti;

import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.ProviderLoad;

/**
 * The Flexiti purchase at the till: started, the sms code entered, the terms accepted and the
 * transaction confirmed. The customers apply for credit through the stack as the load needs them.
 */
public final class FlexitiLoad implements ProviderLoad {

  private FlexitiTillCustomers customers;

  @Override
  public String provider() {
    return "flexiti";
  }

  @Override
  public FlowScript stack(Endpoints at) {
    return new FlexitiPurchaseScript(
        at.http(), at.api() + "/v1/flexiti/purchases", at.authorization(), customers(at),
        flowId -> at.api() + "/v1/flows/" + flowId);
  }

  @Override
  public FlowScript direct(Endpoints at) {
    return new FlexitiPurchaseScript(
        at.http(), at.direct() + "/direct/flexiti/purchases", null, customers(at),
        flowId -> at.direct() + "/direct/flexiti/purchases/" + flowId);
  }

  private synchronized FlexitiTillCustomers customers(Endpoints at) {
    if (customers == null) {
      customers = new FlexitiTillCustomers(at.http(), at.api() + "/v1/flexiti/applications", at.authorization());
    }
    return customers;
  }
}
