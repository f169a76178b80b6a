package org.financingorchestrator.sandbox.afterpay;

import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.OPTIONAL;
import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.REQUIRED;
import static org.financingorchestrator.sandbox.common.FieldViolations.UNBOUNDED;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.JsonField;
import org.financingorchestrator.sandbox.common.Ledger;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Capture, Get Payment, List Payments and Update Shipping Courier. */
@Service
class AfterpayPayments {

  private final AfterpayStore store;
  private final Ledger ledger;
  private final Clock clock;

  AfterpayPayments(AfterpayStore store, Ledger ledger, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * Captures the order behind the token, once: a repeat answers the payment already made (or the
   * decline already recorded) and changes nothing.
   */
  AfterpayPayment capture(JsonNode body) {
    FieldViolations v = new FieldViolations();
    JsonField root = JsonField.root(body);
    String token = v.text(root.get("token"), REQUIRED, UNBOUNDED);
    String merchantReference = v.text(root.get("merchantReference"), OPTIONAL, UNBOUNDED);
    if (!v.isEmpty()) {
      throw AfterpayErrors.invalidObject(v);
    }
    return store.atomically(
        () -> {
          AfterpayPayment existing = store.paymentForToken(token).orElse(null);
          if (existing != null) {
            if (existing.status() == AfterpayPaymentStatus.APPROVED) {
              return existing;
            }
            throw AfterpayErrors.declined();
          }
          Instant now = clock.instant();
          AfterpayOrderRecord order = store.order(token).orElseThrow(AfterpayErrors::invalidToken);
          AfterpayShopperStep step = order.shopperStep();
          if (order.expiredAt(now)
              || step == null
              || step.decision() != AfterpayShopperDecision.APPROVED) {
            throw AfterpayErrors.invalidToken();
          }
          return record(order, step, merchantReference, now.truncatedTo(ChronoUnit.MILLIS));
        });
  }

  private AfterpayPayment record(
      AfterpayOrderRecord order, AfterpayShopperStep step, String merchantReference, Instant now) {
    AfterpayMoney total =
        step.capturedAmount() == null
            ? order.order().totalAmount()
            : AfterpayMoney.usd(step.capturedAmount());
    String reference =
        merchantReference != null ? merchantReference : order.order().merchantReference();
    boolean declined = step.captureOutcome() == AfterpayCaptureOutcome.DECLINED;
    AfterpayPayment payment =
        new AfterpayPayment(
            store.nextPaymentId(),
            order.token(),
            declined ? AfterpayPaymentStatus.DECLINED : AfterpayPaymentStatus.APPROVED,
            now,
            total,
            reference,
            List.of(),
            order.order().details(),
            declined
                ? List.of()
                : List.of(new AfterpayPaymentEvent(now, AfterpayPaymentEvent.CAPTURE)));
    store.putPayment(payment);
    ledger.append(
        (declined ? AfterpayEffect.PAYMENT_DECLINED : AfterpayEffect.PAYMENT_CAPTURED)
            .event()
            .reference("token", payment.token())
            .reference("paymentId", payment.id())
            .amount(total.value(), total.currency()));
    if (declined) {
      throw AfterpayErrors.declined();
    }
    return payment;
  }

  AfterpayPayment get(String paymentId) {
    return store
        .atomically(() -> store.payment(paymentId))
        .orElseThrow(() -> AfterpayErrors.notFound("Payment"));
  }

  AfterpayPayment getByToken(String token) {
    return store
        .atomically(() -> store.paymentForToken(token))
        .orElseThrow(() -> AfterpayErrors.notFound("Payment"));
  }

  AfterpayPaymentPage list(AfterpayPaymentQuery query) {
    List<AfterpayPayment> matching =
        store.atomically(store::payments).stream()
            .filter(query::matches)
            .sorted(query.order())
            .toList();
    List<AfterpayPayment> page =
        matching.stream().skip(query.offset()).limit(query.limit()).toList();
    return new AfterpayPaymentPage(matching.size(), query.offset(), query.limit(), page);
  }

  /** Replaces the payment's courier details. */
  AfterpayPayment updateCourier(String paymentId, JsonNode body) {
    FieldViolations v = new FieldViolations();
    AfterpayCourier courier = AfterpayCourierReader.read(v, JsonField.root(body));
    if (courier == null) {
      throw AfterpayErrors.invalidObject(v);
    }
    return store.atomically(
        () -> {
          AfterpayPayment payment =
              store.payment(paymentId).orElseThrow(() -> AfterpayErrors.notFound("Payment"));
          AfterpayPayment updated = payment.withCourier(courier);
          store.putPayment(updated);
          ledger.append(
              AfterpayEffect.COURIER_UPDATED
                  .event()
                  .reference("token", updated.token())
                  .reference("paymentId", updated.id()));
          return updated;
        });
  }
}
