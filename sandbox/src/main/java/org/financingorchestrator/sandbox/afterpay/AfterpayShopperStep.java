package org.financingorchestrator.sandbox.afterpay;

import java.math.BigDecimal;

/**
 * The shopper's completed step on an order. For an approval, what the later capture does:
 * captureOutcome, and capturedAmount when the cart changed at Afterpay (null: the order total).
 */
record AfterpayShopperStep(
    AfterpayShopperDecision decision,
    AfterpayCaptureOutcome captureOutcome,
    BigDecimal capturedAmount) {

  static AfterpayShopperStep of(AfterpayShopperDecision decision) {
    return new AfterpayShopperStep(decision, null, null);
  }
}
