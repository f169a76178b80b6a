package org.financingorchestrator.sandbox.affirm;

import java.time.Clock;
import org.financingorchestrator.sandbox.common.Ledger;
import org.financingorchestrator.sandbox.common.RandomIds;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * What Affirm.js and the shopper do: open a checkout with the merchant's checkout object, then
 * confirm it (a checkout_token for the merchant's user_confirmation_url) or cancel it. The first
 * step counts; repeating a step answers the first one's outcome again.
 */
@Service
class AffirmCheckouts {

  private final AffirmStore store;
  private final Ledger ledger;
  private final Clock clock;

  AffirmCheckouts(AffirmStore store, Ledger ledger, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
  }

  AffirmCheckout open(JsonNode object) {
    if (!object.path("total").isIntegralNumber() || object.path("total").asLong() <= 0) {
      throw AffirmErrors.invalid("invalid_field", "total must be a positive integer amount in cents");
    }
    if (!object.path("merchant").path("user_confirmation_url").isString()
        || !object.path("merchant").path("user_cancel_url").isString()) {
      throw AffirmErrors.invalid("invalid_field", "merchant.user_confirmation_url and merchant.user_cancel_url are required");
    }
    return store.atomically(
        () -> {
          AffirmCheckout checkout =
              new AffirmCheckout(RandomIds.hex(16).toUpperCase(), object, AffirmCheckout.State.OPEN, null, null, null, false);
          store.put(checkout);
          ledger.append(
              AffirmEffect.CHECKOUT_CREATED
                  .event(checkout.total(), checkout.currency())
                  .reference("checkoutId", checkout.checkoutId())
                  .reference("orderId", object.path("order_id").asString(null)));
          return checkout;
        });
  }

  AffirmCheckout find(String checkoutId) {
    return store.atomically(() -> store.checkout(checkoutId)).orElseThrow(() -> AffirmErrors.notFound("Checkout"));
  }

  /**
   * The shopper confirms: a checkout_token. {@code authorizeAmount} (cents) scripts what the
   * authorization will answer as its amount; {@code decline} scripts Affirm refusing it.
   */
  AffirmCheckout confirm(String checkoutId, Long authorizeAmount, boolean decline) {
    return store.atomically(
        () -> {
          AffirmCheckout checkout = store.checkout(checkoutId).orElseThrow(() -> AffirmErrors.notFound("Checkout"));
          if (checkout.state() == AffirmCheckout.State.CONFIRMED) {
            return checkout;
          }
          if (checkout.state() == AffirmCheckout.State.CANCELLED) {
            throw new SandboxApiException(409, "checkout-cancelled", "The shopper cancelled this checkout");
          }
          AffirmCheckout confirmed =
              checkout.confirmed(RandomIds.hex(16).toUpperCase(), clock.instant(), authorizeAmount, decline);
          store.put(confirmed);
          ledger.append(
              AffirmEffect.SHOPPER_CONFIRMED.event()
                  .reference("checkoutId", checkoutId)
                  .reference("checkoutToken", confirmed.checkoutToken()));
          return confirmed;
        });
  }

  AffirmCheckout cancel(String checkoutId) {
    return store.atomically(
        () -> {
          AffirmCheckout checkout = store.checkout(checkoutId).orElseThrow(() -> AffirmErrors.notFound("Checkout"));
          if (checkout.state() == AffirmCheckout.State.CANCELLED) {
            return checkout;
          }
          if (checkout.state() == AffirmCheckout.State.CONFIRMED) {
            throw new SandboxApiException(409, "checkout-confirmed", "The shopper confirmed this checkout");
          }
          AffirmCheckout cancelled = checkout.cancelled();
          store.put(cancelled);
          ledger.append(AffirmEffect.SHOPPER_CANCELLED.event().reference("checkoutId", checkoutId));
          return cancelled;
        });
  }
}
