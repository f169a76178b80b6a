package org.financingorchestrator.workflows.afterpay;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Afterpay Online API v1 calls. Each fails with an ApplicationFailure whose type is Afterpay's
 * errorCode and whose details are a ProviderFailure; retryable or not as the client classified it.
 * A success answer that cannot be read, or lacks what the flow needs, fails non-retryable with
 * type malformed_response.
 * Activity type names carry the "Afterpay" prefix so that four providers share one worker.
 */
@ActivityInterface(namePrefix = "Afterpay")
public interface AfterpayActivities {

  /** GET /v1/configuration, served from cache while its Cache-Control allows. */
  @ActivityMethod
  AfterpayPaymentLimits getConfiguration();

  /** POST /v1/orders. */
  @ActivityMethod
  AfterpayOrder createOrder(AfterpayCreateOrder order);

  /** POST /v1/payments/capture: idempotent by token. 402 declined / invalid_token are final. */
  @ActivityMethod
  AfterpayPayment capture(String token, String merchantReference);

  /** GET /v1/payments/token:{token}; null when Afterpay has no payment for the token (404). */
  @ActivityMethod
  AfterpayPayment findPaymentByToken(String token);

  /**
   * GET /v1/payments/{paymentId}: the payment's refund with the call's merchantReference (Afterpay's
   * Refund object has no requestId), as a record with the call's requestId; null when the payment
   * has no such refund.
   */
  @ActivityMethod
  org.financingorchestrator.workflows.common.RefundRecord findRefund(AfterpayRefundCall refund);

  /** POST /v1/payments/{paymentId}/refund, idempotent by the call's requestId. */
  @ActivityMethod
  org.financingorchestrator.workflows.common.RefundRecord refund(AfterpayRefundCall refund);

  /** PUT /v1/payments/{paymentId}/courier. */
  @ActivityMethod
  void updateCourier(String paymentId, AfterpayCourier courier);
}
