package org.financingorchestrator.workflows.affirm;

/** What Affirm posts to our user_confirmation_url once the shopper confirmed: the checkout_token. */
public record AffirmConfirmation(String checkoutToken) {}
