package org.financingorchestrator.workflows.affirm;

import java.time.Instant;
import org.financingorchestrator.workflows.common.Money;

/** Affirm's answer to a charge action: the event it added to the charge (capture, void, refund, update). */
public record AffirmChargeEvent(String id, String transactionId, String type, Money amount, Instant created) {}
