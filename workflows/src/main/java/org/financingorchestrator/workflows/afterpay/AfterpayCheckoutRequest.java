package org.financingorchestrator.workflows.afterpay;

import java.util.List;
import org.financingorchestrator.workflows.common.Money;

/**
 * A merchant's Afterpay checkout, validated by the API before any flow starts: the fields of
 * Afterpay's Create Order request, with the merchant's own redirect pages. The merchant reference
 * is the flow's business key.
 */
public record AfterpayCheckoutRequest(
    String merchantReference,
    Money totalAmount,
    AfterpayConsumer consumer,
    AfterpayContact billing,
    AfterpayContact shipping,
    AfterpayCourier courier,
    String description,
    List<AfterpayItem> items,
    List<AfterpayDiscount> discounts,
    Money taxAmount,
    Money shippingAmount,
    AfterpayMerchantRedirects merchant) {

  public AfterpayCheckoutRequest {
    items = items == null ? List.of() : List.copyOf(items);
    discounts = discounts == null ? List.of() : List.copyOf(discounts);
  }
}
