package org.financingorchestrator.workflows.common;

import java.time.Instant;

/**
 * A provider effect whose outcome is not known yet: asked for, maybe done, not settled. The flow
 * keeps asking (the same idempotency key, then the provider's read endpoints) until it is.
 *
 * @param effect {@value #CAPTURE} or {@value #REFUND}
 * @param reference the merchant's reference of the effect (the refund reference; the order's for a capture)
 * @param amount what the effect moves, when known
 * @param requestId the idempotency key sent with every attempt, when the provider takes one
 * @param since when the flow first asked for it (workflow time)
 */
public record PendingEffect(String effect, String reference, Money amount, String requestId, Instant since) {

  public static final String CAPTURE = "capture";
  public static final String REFUND = "refund";

  public boolean is(String otherEffect, String otherReference) {
    return effect.equals(otherEffect) && java.util.Objects.equals(reference, otherReference);
  }
}
