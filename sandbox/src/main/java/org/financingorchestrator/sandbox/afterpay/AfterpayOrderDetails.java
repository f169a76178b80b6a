package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Afterpay's Order Details object, the order bound to a payment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayOrderDetails(
    AfterpayConsumer consumer,
    AfterpayContact billing,
    AfterpayContact shipping,
    AfterpayCourier courier,
    List<AfterpayItem> items,
    List<AfterpayDiscount> discounts,
    AfterpayMoney shippingAmount,
    AfterpayMoney taxAmount) {

  public AfterpayOrderDetails withCourier(AfterpayCourier newCourier) {
    return new AfterpayOrderDetails(
        consumer, billing, shipping, newCourier, items, discounts, shippingAmount, taxAmount);
  }
}
