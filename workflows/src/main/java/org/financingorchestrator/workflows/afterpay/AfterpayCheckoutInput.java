package org.financingorchestrator.workflows.afterpay;

import java.time.Duration;

/**
 * What starts an Afterpay checkout workflow: the merchant's request and what the API knows from
 * its configuration (workflow code reads no configuration).
 *
 * @param callbacks this project's confirm and cancel URLs for this flow, given to Afterpay
 * @param afterSaleWindow how long the flow keeps serving refunds and courier updates after capture
 * @param merchantId the merchant that started the flow; null in flows started before merchants
 * @param continued null when the API starts the flow; what the previous run carried when the flow
 *     continued as new in its after-sale window
 */
public record AfterpayCheckoutInput(
    AfterpayCheckoutRequest request,
    AfterpayCallbacks callbacks,
    Duration afterSaleWindow,
    String merchantId,
    AfterpayContinuation continued) {

  /** The input the API starts a flow with. */
  public AfterpayCheckoutInput(
      AfterpayCheckoutRequest request, AfterpayCallbacks callbacks, Duration afterSaleWindow, String merchantId) {
    this(request, callbacks, afterSaleWindow, merchantId, null);
  }

  /** The input of the next run, carrying {@code continuation}. */
  public AfterpayCheckoutInput continuedWith(AfterpayContinuation continuation) {
    return new AfterpayCheckoutInput(request, callbacks, afterSaleWindow, merchantId, continuation);
  }
}
