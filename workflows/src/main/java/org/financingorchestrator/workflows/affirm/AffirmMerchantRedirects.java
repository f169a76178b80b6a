package org.financingorchestrator.workflows.affirm;

/**
 * The merchant's own pages: where the shopper lands once the loan is authorized, and the
 * payment-method selection page a failed or cancelled checkout goes back to.
 */
public record AffirmMerchantRedirects(String redirectConfirmUrl, String redirectCancelUrl) {}
