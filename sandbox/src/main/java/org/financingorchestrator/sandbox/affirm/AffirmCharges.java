package org.financingorchestrator.sandbox.affirm;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.financingorchestrator.sandbox.common.FaultInjector;
import org.financingorchestrator.sandbox.common.InFlightKeys;
import org.financingorchestrator.sandbox.common.Ledger;
import org.financingorchestrator.sandbox.common.LedgerEvent;
import org.financingorchestrator.sandbox.common.RandomIds;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.stereotype.Service;

/**
 * Affirm's charge actions with its state rules: authorize a confirmed checkout_token once (within
 * the token's lifetime), capture once (all of the authorization or less, before it expires), void
 * only before capture, refund only after capture and never more than captured, update any time.
 * Every action honours Idempotency-Key: the same key for the same action answers the first
 * answer, without a second effect. Every effect goes to the ledger.
 */
@Service
class AffirmCharges {

  private final AffirmStore store;
  private final Ledger ledger;
  private final Clock clock;
  private final AffirmProperties properties;
  private final FaultInjector faults;
  private final InFlightKeys inFlight = new InFlightKeys();

  AffirmCharges(AffirmStore store, Ledger ledger, Clock clock, AffirmProperties properties, FaultInjector faults) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
    this.properties = properties;
    this.faults = faults;
  }

  Map<String, Object> authorize(String checkoutToken, String orderId, String idempotencyKey) {
    return action(AffirmOperation.AUTHORIZE, "", idempotencyKey, () -> {
      AffirmCheckout checkout = store.checkoutByToken(checkoutToken).orElseThrow(AffirmErrors::authorizationFailed);
      if (store.chargeByToken(checkoutToken).isPresent()) {
        // Assumed: a token authorized once is refused, not answered with its charge (the key is).
        throw AffirmErrors.invalid("checkout-token-used", "This checkout_token has already been authorized");
      }
      Instant now = clock.instant();
      if (!now.isBefore(checkout.confirmedAt().plus(properties.checkoutTokenTtl()))) {
        throw AffirmErrors.checkoutTokenExpired();
      }
      if (checkout.declined()) {
        throw AffirmErrors.authorizationFailed();
      }
      long amount = checkout.authorizeAmount() == null ? checkout.total() : checkout.authorizeAmount();
      String id = RandomIds.hex(4).toUpperCase() + "-" + RandomIds.hex(4).toUpperCase();
      String order = orderId != null ? orderId : checkout.object().path("order_id").asString(null);
      AffirmCharge charge =
          new AffirmCharge(id, checkoutToken, now, checkout.currency(), amount,
              now.plus(properties.authorizationTtl()), order, checkout.object());
      charge.event("auth", eventId(), transactionId(), now, amount);
      store.put(charge);
      ledger.append(event(AffirmEffect.CHARGE_AUTHORIZED, charge, amount, idempotencyKey));
      return charge.toJson();
    });
  }

  Map<String, Object> read(String chargeId) {
    return faults.around(Affirm.PROVIDER, AffirmOperation.READ_CHARGE.id(),
        () -> store.atomically(() -> charge(chargeId).toJson()));
  }

  Map<String, Object> capture(String chargeId, Long amount, String orderId, String carrier, String confirmation, String key) {
    return action(AffirmOperation.CAPTURE, chargeId, key, () -> {
      AffirmCharge charge = charge(chargeId);
      Instant now = clock.instant();
      if (charge.voided) {
        throw AffirmErrors.invalid("capture-voided", "Cannot capture a voided charge");
      }
      if (charge.isCaptured()) {
        throw AffirmErrors.invalid("already-captured", "The charge has already been captured");
      }
      if (charge.expiredAt(now)) {
        throw AffirmErrors.invalid("auth-expired", "The authorization expired at " + charge.expires);
      }
      long captured = amount == null ? charge.authHold : amount;
      if (captured <= 0 || captured > charge.authHold) {
        throw AffirmErrors.invalid("capture-greater-than-authorized",
            "amount must be more than 0 and at most the authorized " + charge.authHold);
      }
      charge.captured = captured;
      charge.authHold = 0;
      update(charge, orderId, carrier, confirmation);
      Map<String, Object> event = charge.event("capture", eventId(), transactionId(), now, captured);
      event.put("fee", 0);
      ledger.append(event(AffirmEffect.CHARGE_CAPTURED, charge, captured, key));
      return event;
    });
  }

  Map<String, Object> voidCharge(String chargeId, String key) {
    return action(AffirmOperation.VOID, chargeId, key, () -> {
      AffirmCharge charge = charge(chargeId);
      if (charge.isCaptured()) {
        throw AffirmErrors.invalid("void-captured", "A captured charge cannot be voided; refund it");
      }
      if (charge.voided) {
        throw AffirmErrors.invalid("already-voided", "The charge has already been voided");
      }
      charge.voided = true;
      charge.authHold = 0;
      Map<String, Object> event = charge.event("void", eventId(), transactionId(), clock.instant(), null);
      ledger.append(event(AffirmEffect.CHARGE_VOIDED, charge, charge.amount, key));
      return event;
    });
  }

  Map<String, Object> refund(String chargeId, Long amount, String key) {
    return action(AffirmOperation.REFUND, chargeId, key, () -> {
      AffirmCharge charge = charge(chargeId);
      if (!charge.isCaptured()) {
        throw AffirmErrors.invalid("refund-uncaptured", "Only a captured charge can be refunded");
      }
      long left = charge.captured - charge.refunded;
      long refunded = amount == null ? left : amount;
      if (refunded <= 0 || refunded > left) {
        throw AffirmErrors.invalid("refund-exceeded", "amount must be more than 0 and at most what is left, " + left);
      }
      charge.refunded += refunded;
      Map<String, Object> event = charge.event("refund", eventId(), transactionId(), clock.instant(), refunded);
      event.put("fee_refunded", 0);
      ledger.append(event(AffirmEffect.CHARGE_REFUNDED, charge, refunded, key));
      return event;
    });
  }

  Map<String, Object> update(String chargeId, String orderId, String carrier, String confirmation, String key) {
    return action(AffirmOperation.UPDATE, chargeId, key, () -> {
      AffirmCharge charge = charge(chargeId);
      update(charge, orderId, carrier, confirmation);
      Map<String, Object> event = charge.event("update", eventId(), transactionId(), clock.instant(), null);
      event.put("order_id", charge.orderId);
      event.put("shipping_carrier", charge.shippingCarrier);
      event.put("shipping_confirmation", charge.shippingConfirmation);
      ledger.append(
          AffirmEffect.CHARGE_UPDATED.event().reference("chargeId", charge.id).reference("orderId", charge.orderId).requestId(key));
      return event;
    });
  }

  private static void update(AffirmCharge charge, String orderId, String carrier, String confirmation) {
    if (orderId != null) {
      charge.orderId = orderId;
    }
    if (carrier != null) {
      charge.shippingCarrier = carrier;
    }
    if (confirmation != null) {
      charge.shippingConfirmation = confirmation;
    }
  }

  /**
   * One action: refused with 409 while a request with the same key is in progress, under any
   * armed fault, and answered from memory when the key was seen for this action before.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> action(
      AffirmOperation operation, String chargeId, String key, Supplier<Map<String, Object>> effect) {
    String scopedKey = key == null || key.isBlank() ? null : operation.id() + ":" + chargeId + ":" + key;
    return inFlight.exclusively(
        scopedKey,
        () -> faults.around(Affirm.PROVIDER, operation.id(), () -> store.atomically(() -> {
          java.util.Optional<Object> earlier = store.answer(scopedKey);
          if (earlier.isPresent()) {
            return (Map<String, Object>) earlier.get();
          }
          Map<String, Object> answer = effect.get();
          store.remember(scopedKey, answer);
          return answer;
        })),
        () -> new SandboxApiException(409, "idempotency-conflict", "A request with this Idempotency-Key is in progress"));
  }

  private AffirmCharge charge(String chargeId) {
    return store.charge(chargeId).orElseThrow(() -> AffirmErrors.notFound("Charge"));
  }

  private static LedgerEvent event(AffirmEffect effect, AffirmCharge charge, long cents, String key) {
    return effect.event(cents, charge.currency).reference("chargeId", charge.id).reference("orderId", charge.orderId).requestId(key);
  }

  private static String eventId() {
    return RandomIds.hex(16).toUpperCase();
  }

  private static String transactionId() {
    return RandomIds.lowerAlphanumeric(16);
  }
}
