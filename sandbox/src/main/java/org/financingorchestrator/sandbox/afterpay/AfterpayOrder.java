package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An order as Get Order answers it: the Create Order body plus token and expiry. Fields the
 * merchant did not send stay absent, as the document allows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayOrder(
    String token,
    Instant expires,
    AfterpayMoney totalAmount,
    AfterpayConsumer consumer,
    AfterpayContact billing,
    AfterpayContact shipping,
    AfterpayCourier courier,
    String description,
    List<AfterpayItem> items,
    List<AfterpayDiscount> discounts,
    AfterpayMerchant merchant,
    String paymentType,
    String merchantReference,
    AfterpayMoney taxAmount,
    AfterpayMoney shippingAmount) {

  public static final String PAY_BY_INSTALLMENT = "PAY_BY_INSTALLMENT";

  public AfterpayOrder withToken(String newToken, Instant newExpires) {
    return new AfterpayOrder(
        newToken,
        newExpires,
        totalAmount,
        consumer,
        billing,
        shipping,
        courier,
        description,
        items,
        discounts,
        merchant,
        paymentType,
        merchantReference,
        taxAmount,
        shippingAmount);
  }

  /** The order's details as a Payment carries them. */
  public AfterpayOrderDetails details() {
    return new AfterpayOrderDetails(
        consumer,
        billing,
        shipping,
        courier == null ? AfterpayCourier.NONE : courier,
        items,
        discounts,
        shippingAmount,
        taxAmount);
  }
}
