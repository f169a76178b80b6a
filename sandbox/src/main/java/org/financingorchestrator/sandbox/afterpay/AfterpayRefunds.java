package org.financingorchestrator.sandbox.afterpay;

import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.OPTIONAL;
import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.REQUIRED;
import static org.financingorchestrator.sandbox.common.FieldViolations.UNBOUNDED;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.financingorchestrator.sandbox.afterpay.AfterpayMoneyReader.Sign;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.JsonField;
import org.financingorchestrator.sandbox.common.Ledger;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Create Refund. With a requestId the first successful answer is kept for the retention window and
 * every request with that requestId gets it again, whatever its body: the document promises the
 * same response for the same requestId. Refused requests are not kept, so a retry after the cause
 * is fixed can succeed.
 */
@Service
class AfterpayRefunds {

  private final AfterpayStore store;
  private final Ledger ledger;
  private final Clock clock;
  private final AfterpayProperties properties;

  AfterpayRefunds(AfterpayStore store, Ledger ledger, Clock clock, AfterpayProperties properties) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
    this.properties = properties;
  }

  /** The requestId of a refund body, if it carries a usable one. */
  static String requestId(JsonNode body) {
    JsonNode requestId = body.get("requestId");
    return requestId != null && requestId.isString() && !requestId.stringValue().isBlank()
        ? requestId.stringValue()
        : null;
  }

  AfterpayRefundResponse refund(String paymentId, JsonNode body) {
    FieldViolations v = new FieldViolations();
    JsonField root = JsonField.root(body);
    String requestIdText = v.text(root.get("requestId"), OPTIONAL, UNBOUNDED);
    String requestId = requestIdText == null || requestIdText.isBlank() ? null : requestIdText;
    AfterpayMoney amount = AfterpayMoneyReader.read(v, root.get("amount"), REQUIRED, Sign.POSITIVE);
    String merchantReference = v.text(root.get("merchantReference"), OPTIONAL, UNBOUNDED);
    return store.atomically(
        () -> {
          Instant now = clock.instant();
          Optional<AfterpayRefundResponse> replay = replay(requestId, now);
          if (replay.isPresent()) {
            return replay.get();
          }
          if (!v.isEmpty()) {
            throw AfterpayErrors.invalidObject(v);
          }
          AfterpayPayment payment =
              store
                  .payment(paymentId)
                  .filter(p -> p.status() == AfterpayPaymentStatus.APPROVED)
                  .orElseThrow(AfterpayErrors::preconditionFailed);
          if (payment.refundedTotal().add(amount.value()).compareTo(payment.totalAmount().value())
              > 0) {
            throw AfterpayErrors.invalidAmount();
          }
          return create(payment, requestId, amount, merchantReference, now);
        });
  }

  private Optional<AfterpayRefundResponse> replay(String requestId, Instant now) {
    if (requestId == null) {
      return Optional.empty();
    }
    return store
        .refund(requestId)
        .filter(stored -> stored.answersAt(now, properties.requestIdRetention()))
        .map(AfterpayStoredRefund::response);
  }

  private AfterpayRefundResponse create(
      AfterpayPayment payment,
      String requestId,
      AfterpayMoney amount,
      String merchantReference,
      Instant now) {
    Instant refundedAt = now.truncatedTo(ChronoUnit.MILLIS);
    String refundId = store.nextRefundId();
    store.putPayment(
        payment.withRefund(new AfterpayRefund(refundId, refundedAt, merchantReference, amount)));
    AfterpayRefundResponse response =
        new AfterpayRefundResponse(requestId, amount, merchantReference, refundId, refundedAt);
    if (requestId != null) {
      store.putRefund(requestId, new AfterpayStoredRefund(payment.id(), response, now));
    }
    ledger.append(
        AfterpayEffect.REFUND_CREATED
            .event()
            .reference("token", payment.token())
            .reference("paymentId", payment.id())
            .reference("refundId", refundId)
            .amount(amount.value(), amount.currency())
            .requestId(requestId));
    return response;
  }
}
