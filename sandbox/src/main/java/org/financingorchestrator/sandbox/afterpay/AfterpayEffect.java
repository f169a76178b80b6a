package org.financingorchestrator.sandbox.afterpay;

import org.financingorchestrator.sandbox.common.LedgerEvent;

/** The kinds of effect the simulated Afterpay writes to the ledger. */
enum AfterpayEffect {
  ORDER_CREATED,
  SHOPPER_APPROVED,
  SHOPPER_CANCELLED,
  SHOPPER_DECLINED,
  PAYMENT_CAPTURED,
  PAYMENT_DECLINED,
  REFUND_CREATED,
  COURIER_UPDATED;

  LedgerEvent event() {
    return LedgerEvent.of(Afterpay.PROVIDER, name());
  }
}
