package org.financingorchestrator.api.affirm;

import java.time.Duration;
import java.util.List;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.RefundBody;
import org.financingorchestrator.api.common.RefundPolicy;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.springframework.stereotype.Component;

/** Affirm's part of the common refund endpoint: USD only, and the operation wait. */
@Component
class AffirmRefundPolicy implements RefundPolicy {

  private final AffirmFlowProperties properties;

  AffirmRefundPolicy(AffirmFlowProperties properties) {
    this.properties = properties;
  }

  @Override
  public String provider() {
    return AffirmCheckoutWorkflow.PROVIDER;
  }

  @Override
  public List<FieldProblem> check(RefundBody body) {
    return AffirmRules.refund(body);
  }

  @Override
  public Duration operationWait() {
    return properties.operationWait();
  }
}
