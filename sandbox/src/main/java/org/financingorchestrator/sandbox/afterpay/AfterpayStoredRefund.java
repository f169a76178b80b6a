package org.financingorchestrator.sandbox.afterpay;

import java.time.Duration;
import java.time.Instant;

/** A refund's first answer, kept so a retry with the same requestId gets the very same one. */
record AfterpayStoredRefund(String paymentId, AfterpayRefundResponse response, Instant storedAt) {

  boolean answersAt(Instant now, Duration retention) {
    return now.isBefore(storedAt.plus(retention));
  }
}
