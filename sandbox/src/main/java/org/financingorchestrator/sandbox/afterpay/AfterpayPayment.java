package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Afterpay's Payment, as capture, Get Payment, List Payments and courier updates answer it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayPayment(
    String id,
    String token,
    AfterpayPaymentStatus status,
    Instant created,
    AfterpayMoney totalAmount,
    String merchantReference,
    List<AfterpayRefund> refunds,
    AfterpayOrderDetails orderDetails,
    List<AfterpayPaymentEvent> events) {

  public AfterpayPayment {
    refunds = List.copyOf(refunds);
    events = List.copyOf(events);
  }

  public AfterpayPayment withRefund(AfterpayRefund refund) {
    List<AfterpayRefund> more = new ArrayList<>(refunds);
    more.add(refund);
    return new AfterpayPayment(
        id, token, status, created, totalAmount, merchantReference, more, orderDetails, events);
  }

  public AfterpayPayment withCourier(AfterpayCourier courier) {
    return new AfterpayPayment(
        id,
        token,
        status,
        created,
        totalAmount,
        merchantReference,
        refunds,
        orderDetails.withCourier(courier),
        events);
  }

  public BigDecimal refundedTotal() {
    return refunds.stream().map(r -> r.amount().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
