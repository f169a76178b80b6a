package org.financingorchestrator.workflows.afterpay;

import org.financingorchestrator.workflows.common.Money;

/** Afterpay's Item object: one order line. */
public record AfterpayItem(String name, String sku, int quantity, Money price) {

  public Money lineTotal() {
    return price.times(quantity);
  }
}
