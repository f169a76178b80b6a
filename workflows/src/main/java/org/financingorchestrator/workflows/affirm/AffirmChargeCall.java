package org.financingorchestrator.workflows.affirm;

import org.financingorchestrator.workflows.common.Money;

/**
 * One action on a charge as the activities send it: {@code POST /api/v2/charges/{chargeId}/...}
 * with the flow's Idempotency-Key (the same on every attempt). Which fields count depends on the
 * action: capture takes all, refund the amount, update the order and shipping fields, void none.
 *
 * @param merchantReference the merchant's refund reference (refunds only), kept in the record
 */
public record AffirmChargeCall(
    String chargeId,
    String idempotencyKey,
    Money amount,
    String orderId,
    String shippingCarrier,
    String shippingConfirmation,
    String merchantReference) {

  public static AffirmChargeCall voidOf(String chargeId, String idempotencyKey) {
    return new AffirmChargeCall(chargeId, idempotencyKey, null, null, null, null, null);
  }

  public static AffirmChargeCall refundOf(String chargeId, String idempotencyKey, Money amount, String merchantReference) {
    return new AffirmChargeCall(chargeId, idempotencyKey, amount, null, null, null, merchantReference);
  }

  public static AffirmChargeCall captureOf(String chargeId, String idempotencyKey, Money amount, AffirmCapture capture) {
    return new AffirmChargeCall(
        chargeId, idempotencyKey, amount, capture.orderId(), capture.shippingCarrier(), capture.shippingConfirmation(), null);
  }

  public static AffirmChargeCall updateOf(String chargeId, String idempotencyKey, AffirmChargeUpdate update) {
    return new AffirmChargeCall(
        chargeId, idempotencyKey, null, update.orderId(), update.shippingCarrier(), update.shippingConfirmation(), null);
  }
}
