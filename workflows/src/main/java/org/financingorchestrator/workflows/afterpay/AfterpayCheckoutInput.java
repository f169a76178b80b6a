package org.financingorchestrator.workflows.afterpay;

import java.time.Duration;

/**
 * What starts an Afterpay checkout workflow: the merchant's request and what the API knows from
 * its configuration (workflow code reads no configuration).
 *
 * @param callbacks this project's confirm and cancel URLs for this flow, given to Afterpay
 * @param afterSaleWindow how long the flow keeps serving refunds and courier updates after capture
 * @param merchantId the merchant that started the flow; null in flows started before merchants
 */
public record AfterpayCheckoutInput(
    AfterpayCheckoutRequest request, AfterpayCallbacks callbacks, Duration afterSaleWindow, String merchantId) {}
