package org.financingorchestrator.workflows.affirm;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import org.financingorchestrator.workflows.common.RefundRecord;

/**
 * Affirm's charges API v2. Each call carries the flow's Idempotency-Key, the same on every
 * attempt, so a retried action happens once. Failures are ApplicationFailures whose type is
 * Affirm's code and whose details are a ProviderFailure, retryable or not as the client
 * classified them; an answer that cannot be read is malformed_response (outcome unknown).
 */
@ActivityInterface(namePrefix = "Affirm")
public interface AffirmActivities {

  /** POST /api/v2/charges {checkout_token, order_id}. */
  @ActivityMethod
  AffirmCharge authorize(AffirmAuthorization authorization);

  /** POST /api/v2/charges/{id}/capture {order_id, shipping_carrier, shipping_confirmation, amount}. */
  @ActivityMethod
  AffirmChargeEvent capture(AffirmChargeCall capture);

  /** POST /api/v2/charges/{id}/void. */
  @ActivityMethod
  AffirmChargeEvent voidCharge(AffirmChargeCall voidCall);

  /** POST /api/v2/charges/{id}/refund {amount}: the refund as the flow records it. */
  @ActivityMethod
  RefundRecord refund(AffirmChargeCall refund);

  /**
   * The refund sent again with its key, to settle an unknown outcome: Affirm answers a key it has
   * seen with its first answer. Null when Affirm definitely refuses it (it was not made).
   */
  @ActivityMethod
  RefundRecord findRefund(AffirmChargeCall refund);

  /** POST /api/v2/charges/{id}/update {order_id, shipping_carrier, shipping_confirmation}. */
  @ActivityMethod
  AffirmChargeEvent update(AffirmChargeCall update);
}
