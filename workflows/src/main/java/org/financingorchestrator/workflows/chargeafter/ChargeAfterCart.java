package org.financingorchestrator.workflows.chargeafter;

import java.math.BigDecimal;
import java.util.List;

/**
 * ChargeAfter's cartDetails, in the send-link's currency: items × quantity + each line's
 * warranty once + tax + shipping − discounts = totalAmount (checked by the API before any start).
 */
public record ChargeAfterCart(
    List<ChargeAfterItem> items,
    List<ChargeAfterDiscount> discounts,
    BigDecimal taxAmount,
    BigDecimal shippingAmount,
    BigDecimal totalAmount) {

  public ChargeAfterCart {
    items = items == null ? List.of() : List.copyOf(items);
    discounts = discounts == null ? List.of() : List.copyOf(discounts);
  }
}
