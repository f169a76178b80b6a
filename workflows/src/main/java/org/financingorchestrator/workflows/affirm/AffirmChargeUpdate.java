package org.financingorchestrator.workflows.affirm;

/** The merchant's update of a charge: its order id, shipping carrier and tracking number (each optional). */
public record AffirmChargeUpdate(String orderId, String shippingCarrier, String shippingConfirmation) {

  @com.fasterxml.jackson.annotation.JsonIgnore // a question, not a field
  public boolean isEmpty() {
    return orderId == null && shippingCarrier == null && shippingConfirmation == null;
  }
}
