package org.financingorchestrator.sandbox.affirm;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A checkout Affirm.js opened: the merchant's checkout object as it was sent, and where the
 * shopper is in it. Confirming gives it a checkout_token, which the merchant authorizes within
 * the token's lifetime. Changed only under the store's lock.
 *
 * @param authorizeAmount cents the later authorization answers, when the shopper step scripted
 *     another amount than the checkout's total (null: the total)
 * @param declined the shopper step scripted Affirm to refuse the authorization
 */
record AffirmCheckout(
    String checkoutId,
    JsonNode object,
    State state,
    String checkoutToken,
    Instant confirmedAt,
    Long authorizeAmount,
    boolean declined) {

  enum State {
    OPEN,
    CONFIRMED,
    CANCELLED
  }

  long total() {
    return object.path("total").asLong();
  }

  String currency() {
    String currency = object.path("currency").asString("");
    return currency.isEmpty() ? "USD" : currency;
  }

  String confirmationUrl() {
    return object.path("merchant").path("user_confirmation_url").asString("");
  }

  String cancelUrl() {
    return object.path("merchant").path("user_cancel_url").asString("");
  }

  /** GET appends checkout_token to the URL; anything else (POST, the default) posts it as a form field. */
  String confirmationAction() {
    String action = object.path("merchant").path("user_confirmation_url_action").asString("POST");
    return "GET".equalsIgnoreCase(action) ? "GET" : "POST";
  }

  AffirmCheckout confirmed(String token, Instant at, Long amount, boolean decline) {
    return new AffirmCheckout(checkoutId, object, State.CONFIRMED, token, at, amount, decline);
  }

  AffirmCheckout cancelled() {
    return new AffirmCheckout(checkoutId, object, State.CANCELLED, null, null, null, false);
  }
}
