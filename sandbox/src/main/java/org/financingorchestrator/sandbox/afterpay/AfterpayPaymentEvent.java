package org.financingorchestrator.sandbox.afterpay;

import java.time.Instant;

/** Afterpay's Payment Event object. */
public record AfterpayPaymentEvent(Instant created, String type) {

  public static final String CAPTURE = "CAPTURE";
}
