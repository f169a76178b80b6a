package org.financingorchestrator.api.afterpay;

import java.time.Duration;
import java.util.List;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.RefundBody;
import org.financingorchestrator.api.common.RefundPolicy;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.springframework.stereotype.Component;

/** Afterpay's part of the common refund endpoint: USD only, and the operation wait. */
@Component
class AfterpayRefundPolicy implements RefundPolicy {

  private final AfterpayFlowProperties properties;

  AfterpayRefundPolicy(AfterpayFlowProperties properties) {
    this.properties = properties;
  }

  @Override
  public String provider() {
    return AfterpayCheckoutWorkflow.PROVIDER;
  }

  @Override
  public List<FieldProblem> check(RefundBody body) {
    return AfterpayRules.refund(body);
  }

  @Override
  public Duration operationWait() {
    return properties.operationWait();
  }
}
