package org.financingorchestrator.workflows.afterpay;

import org.financingorchestrator.workflows.common.Money;

/**
 * The PAY_BY_INSTALLMENT range from Get Configuration: Afterpay rejects an order whose total is not
 * between the two, inclusive. Both null when the merchant has no such payment type. Limits in
 * another currency than the order's do not allow it: the comparison must end the flow cleanly,
 * never throw inside workflow code.
 */
public record AfterpayPaymentLimits(Money minimumAmount, Money maximumAmount) {

  public boolean allows(Money total) {
    return minimumAmount != null
        && maximumAmount != null
        && total.currency().equals(minimumAmount.currency())
        && total.currency().equals(maximumAmount.currency())
        && !total.isLessThan(minimumAmount)
        && !total.isGreaterThan(maximumAmount);
  }
}
