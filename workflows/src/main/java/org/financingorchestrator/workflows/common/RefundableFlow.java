package org.financingorchestrator.workflows.common;

import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;

/**
 * The refund contract every provider's flow implements (its workflow interface extends this
 * one), so that the API refunds any flow by this Update's name without knowing its provider.
 * {@link AfterSale} implements both methods for a flow.
 */
public interface RefundableFlow {

  /** The Update's name. */
  String REFUND = "refund";

  /**
   * Refunds part or all of the captured payment, never more than what is left; completes once the
   * refund is settled (the record) or definitely refused. One merchant reference, one refund.
   */
  @UpdateMethod(name = REFUND)
  RefundRecord refund(RefundRequest refund);

  /** Refuses, without trying, a refund the flow cannot make ({@link FlowRefusedException}). */
  @UpdateValidatorMethod(updateName = REFUND)
  void validateRefund(RefundRequest refund);
}
