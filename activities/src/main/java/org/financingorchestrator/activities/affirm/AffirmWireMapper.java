package org.financingorchestrator.activities.affirm;

import static org.financingorchestrator.activities.common.MalformedAnswers.require;

import org.financingorchestrator.workflows.affirm.AffirmAuthorization;
import org.financingorchestrator.workflows.affirm.AffirmCharge;
import org.financingorchestrator.workflows.affirm.AffirmChargeCall;
import org.financingorchestrator.workflows.affirm.AffirmChargeEvent;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.RefundRecord;

/** The workflow's records to and from Affirm's wire; money becomes integer cents here and only here. */
final class AffirmWireMapper {

  /** Affirm's charges are in USD unless the answer says otherwise. */
  private static final String USD = "USD";

  private AffirmWireMapper() {}

  static AffirmWire.AuthorizeRequest authorizeRequest(AffirmAuthorization authorization) {
    return new AffirmWire.AuthorizeRequest(authorization.checkoutToken(), authorization.orderId());
  }

  static AffirmCharge charge(AffirmWire.Charge charge) {
    require(charge, "charge");
    String currency = charge.currency() == null ? USD : charge.currency();
    long amount = require(charge.amount(), "amount");
    return new AffirmCharge(
        require(charge.id(), "id"),
        Money.ofMinorUnits(amount, currency),
        Money.ofMinorUnits(charge.authHold() == null ? amount : charge.authHold(), currency),
        require(charge.expires(), "expires"),
        charge.orderId());
  }

  static AffirmWire.CaptureRequest captureRequest(AffirmChargeCall call) {
    return new AffirmWire.CaptureRequest(
        call.orderId(), call.shippingCarrier(), call.shippingConfirmation(), cents(call.amount()));
  }

  static AffirmWire.RefundRequest refundRequest(AffirmChargeCall call) {
    return new AffirmWire.RefundRequest(require(cents(call.amount()), "amount"));
  }

  static AffirmWire.UpdateRequest updateRequest(AffirmChargeCall call) {
    return new AffirmWire.UpdateRequest(call.orderId(), call.shippingCarrier(), call.shippingConfirmation());
  }

  static AffirmChargeEvent event(AffirmWire.Event event) {
    require(event, "event");
    String currency = event.currency() == null ? USD : event.currency();
    return new AffirmChargeEvent(
        require(event.id(), "id"),
        event.transactionId(),
        event.type(),
        event.amount() == null ? null : Money.ofMinorUnits(event.amount(), currency),
        event.created());
  }

  /** A refund as the flow records it: Affirm's event id, the key it was sent with, the merchant's reference. */
  static RefundRecord refundRecord(AffirmChargeCall call, AffirmWire.Event event) {
    AffirmChargeEvent refund = event(event);
    return new RefundRecord(
        refund.id(),
        call.idempotencyKey(),
        call.merchantReference(),
        refund.amount() == null ? call.amount() : refund.amount(),
        refund.created());
  }

  private static Long cents(Money amount) {
    return amount == null ? null : amount.minorUnits();
  }
}
