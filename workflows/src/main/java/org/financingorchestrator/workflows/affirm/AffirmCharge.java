package org.financingorchestrator.workflows.affirm;

import java.time.Instant;
import org.financingorchestrator.workflows.common.Money;

/**
 * An authorized charge as the flow keeps it: Affirm's charge id, the authorized amount, the hold
 * and when the authorization expires. The charge's details (the shopper's addresses) are not kept.
 */
public record AffirmCharge(String id, Money amount, Money authHold, Instant expires, String orderId) {

  public AffirmCharge withAmount(Money authorized) {
    return new AffirmCharge(id, authorized, authorized, expires, orderId);
  }
}
