package org.financingorchestrator.sandbox.affirm;

import java.math.BigDecimal;
import org.financingorchestrator.sandbox.common.LedgerEvent;

/** The kinds of effect the simulated Affirm writes to the ledger. */
enum AffirmEffect {
  CHECKOUT_CREATED,
  SHOPPER_CONFIRMED,
  SHOPPER_CANCELLED,
  CHARGE_AUTHORIZED,
  CHARGE_CAPTURED,
  CHARGE_VOIDED,
  CHARGE_REFUNDED,
  CHARGE_UPDATED;

  LedgerEvent event() {
    return LedgerEvent.of(Affirm.PROVIDER, name());
  }

  /** The event with an amount in cents, as Affirm counts it, written as a decimal. */
  LedgerEvent event(long cents, String currency) {
    return event().amount(BigDecimal.valueOf(cents, 2), currency);
  }
}
