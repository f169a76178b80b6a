package org.financingorchestrator.sandbox.afterpay;

import java.time.Instant;

/** A stored order: what the merchant sent, when, and the shopper's step once taken (or null). */
record AfterpayOrderRecord(AfterpayOrder order, Instant created, AfterpayShopperStep shopperStep) {

  String token() {
    return order.token();
  }

  /** The token is no longer usable from its expiry instant on. */
  boolean expiredAt(Instant now) {
    return !now.isBefore(order.expires());
  }

  AfterpayOrderRecord withShopperStep(AfterpayShopperStep step) {
    return new AfterpayOrderRecord(order, created, step);
  }
}
