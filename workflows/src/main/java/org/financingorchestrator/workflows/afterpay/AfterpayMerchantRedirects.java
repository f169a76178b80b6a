package org.financingorchestrator.workflows.afterpay;

/**
 * The merchant's own pages where the shopper lands after Afterpay: the confirm page after a
 * capture, the cancel page (with a reason) otherwise. Afterpay itself is sent to this project's
 * callbacks, which decide between the two.
 */
public record AfterpayMerchantRedirects(String redirectConfirmUrl, String redirectCancelUrl) {}
