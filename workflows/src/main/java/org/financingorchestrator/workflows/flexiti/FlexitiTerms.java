package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/**
 * What Flexiti answered a posted transaction with, for the customer to read before confirming: the
 * plan, the payment, the admin fee and the balance after the purchase. Amounts exact.
 */
public record FlexitiTerms(
    String transactionId,
    String planName,
    Money paymentValue,
    Money adminFee,
    Money balanceAfterPurchase,
    Money availableCredit) {

  /** The terms as one line, for the flow's steps. */
  public String describe() {
    return "plan " + (planName == null || planName.isBlank() ? "regular purchase" : planName)
        + "; payment " + paymentValue + "; admin fee " + adminFee + "; balance after purchase " + balanceAfterPurchase;
  }
}
