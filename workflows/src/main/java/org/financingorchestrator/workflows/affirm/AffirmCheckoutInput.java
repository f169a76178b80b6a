package org.financingorchestrator.workflows.affirm;

import java.time.Duration;
import org.financingorchestrator.workflows.common.Money;

/**
 * What starts an Affirm checkout workflow. The checkout object itself (items, addresses) goes from
 * the API to the merchant's page and Affirm.js, never into the flow's history: the flow keeps
 * only what it acts on, and the checkout's digest to recognise a repeated start.
 *
 * @param orderId the merchant's order id: the flow's business key, sent with the authorization
 * @param total the order total the authorized amount must equal
 * @param checkoutDigest SHA-256 of the checkout as the API built it (the same order id with
 *     another order is refused)
 * @param shopperWindow how long the flow waits for the shopper to confirm or cancel
 * @param afterSaleWindow how long refunds and updates are served after capture
 */
public record AffirmCheckoutInput(
    String merchantId,
    String orderId,
    Money total,
    AffirmMerchantRedirects merchant,
    String checkoutDigest,
    Duration shopperWindow,
    Duration afterSaleWindow) {}
