package org.financingorchestrator.workflows.common;

import java.util.Optional;

/**
 * What a provider contributes to {@link AfterSale}'s refunds: its refund call and its look-up,
 * each an activity. Every other rule (one requestId per reference, reservation, settling) is the
 * after-sale machinery's.
 */
public interface RefundEffect {

  /** Asks the provider for the refund, idempotent by {@code requestId}; fails as the activity failed. */
  RefundRecord make(String reference, String requestId, Money amount);

  /** The provider's record of that refund; empty when the provider definitely has none. */
  Optional<RefundRecord> find(String reference, String requestId, Money amount);
}
