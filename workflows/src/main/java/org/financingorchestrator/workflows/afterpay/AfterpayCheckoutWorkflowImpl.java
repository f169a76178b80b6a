package org.financingorchestrator.workflows.afterpay;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.PendingEffect;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.FlowRefusedException;
import org.financingorchestrator.workflows.common.SettledOutcome;
import org.financingorchestrator.workflows.common.Settlement;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.financingorchestrator.workflows.common.Urls;

/**
 * Afterpay's direct payment flow: check the configured limits, create the order, wait for the
 * shopper's return until the token expires, capture, then serve refunds and courier updates for
 * the after-sale window.
 *
 * <p>From version 1 of {@value #SETTLES_CHANGE} on, an effect whose outcome is unknown (a capture or
 * refund whose attempts ended without a definite answer) is settled, never reported as failed:
 * retried with the same key while Afterpay keeps it, then looked up. It shows as pending until
 * then, and the flow does not complete meanwhile. A flow that ended without creating an order
 * fails its run, so that the merchant's reference can start a new one.
 */
public class AfterpayCheckoutWorkflowImpl implements AfterpayCheckoutWorkflow {

  /** The Workflow.getVersion change that settles unknown outcomes. */
  static final String SETTLES_CHANGE = "settle-unknown-outcomes";
  /** Our own refund reference for giving back a captured total that differs from the order's. */
  static final String MISMATCH_REFUND_REFERENCE = "amount-mismatch";

  private final AfterpayActivities afterpay =
      Workflow.newActivityStub(AfterpayActivities.class, AfterpayActivityOptions.STANDARD);
  private final AfterpayActivities afterpayCapture =
      Workflow.newActivityStub(AfterpayActivities.class, AfterpayActivityOptions.CAPTURE);
  private final AfterpayActivities afterpayRefund =
      Workflow.newActivityStub(AfterpayActivities.class, AfterpayActivityOptions.REFUND);
  private final AfterpayActivities afterpayLookUp =
      Workflow.newActivityStub(AfterpayActivities.class, AfterpayActivityOptions.LOOK_UP);

  private final AfterpayCheckoutInput input;
  private final AfterpayCheckoutRequest request;
  private final FlowJournal journal;

  private AfterpayOrder order;
  private FlowFailure orderFailure;
  private AfterpayShopperReturn shopperReturn;
  private ShopperRedirect redirect;
  private String paymentId;
  /** Refunds accepted but not yet confirmed by Afterpay: counted against what is left. */
  private Money refundsInFlight;
  /** Merchant refund references in flight, with their amounts. */
  private final Map<String, Money> refundReferencesInFlight = new LinkedHashMap<>();
  /** Afterpay's requestId for each refund reference, chosen once: every attempt sends the same. */
  private final Map<String, String> refundRequestIds = new LinkedHashMap<>();
  /** Refunds Afterpay definitely did not make, by reference: a repeat answers the same. */
  private final Map<String, RefusedRefund> refusedRefunds = new LinkedHashMap<>();
  private boolean afterSaleClosed;
  /** Version 1 of {@link #SETTLES_CHANGE}, decided once per run. */
  private boolean settles;

  private record RefusedRefund(Money amount, FlowFailure why) {}

  @WorkflowInit
  public AfterpayCheckoutWorkflowImpl(AfterpayCheckoutInput input) {
    this.input = input;
    this.request = input.request();
    this.journal =
        new FlowJournal(
            Workflow.getInfo().getWorkflowId(),
            PROVIDER,
            request.merchantReference(),
            request.totalAmount());
    this.refundsInFlight = Money.zero(request.totalAmount().currency());
  }

  @Override
  public FlowStatus run(AfterpayCheckoutInput input) {
    settles = Workflow.getVersion(SETTLES_CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
    journal.start(request.totalAmount().toString());
    if (!createOrder()) {
      if (settles) {
        // Nothing exists at Afterpay: a failed run lets the same reference start again.
        Workflow.await(Workflow::isEveryHandlerFinished);
        throw operationFailure(orderFailure);
      }
      return journal.snapshot();
    }
    Duration untilExpiry = Duration.between(now(), order.expires());
    boolean returned =
        Workflow.await(
            untilExpiry.isNegative() ? Duration.ZERO : untilExpiry, () -> shopperReturn != null);
    if (!returned) {
      journal.fail(
          FlowState.EXPIRED,
          "order_expired",
          FlowFailure.ofOrchestrator(
              "order_expired", "The shopper did not return before the order expired at " + order.expires()));
      return journal.snapshot();
    }
    decide();
    if (journal.state().isPaid()) {
      serveAfterSale();
    }
    return journal.snapshot();
  }

  // --- order -----------------------------------------------------------------------------

  private boolean createOrder() {
    AfterpayPaymentLimits limits;
    try {
      limits = afterpay.getConfiguration();
    } catch (ActivityFailure failure) {
      return refuseOrder("configuration_failed", failure);
    }
    Money total = request.totalAmount();
    if (!limits.allows(total)) {
      orderFailure =
          FlowFailure.ofOrchestrator(
              "amount_outside_limits",
              limits.minimumAmount() == null
                  ? "The merchant has no PAY_BY_INSTALLMENT configuration at Afterpay"
                  : "Order total " + total + " is outside Afterpay's limits ["
                      + limits.minimumAmount().toPlainString() + ", "
                      + limits.maximumAmount().toPlainString() + "]");
      journal.fail(FlowState.FAILED, "order_refused", orderFailure);
      return false;
    }
    journal.step("limits_checked", "[" + limits.minimumAmount().toPlainString() + ", "
        + limits.maximumAmount().toPlainString() + "]");
    try {
      order = afterpay.createOrder(new AfterpayCreateOrder(request, input.callbacks()));
    } catch (ActivityFailure failure) {
      return refuseOrder("order_failed", failure);
    }
    journal.providerId("token", order.token());
    journal.moveTo(FlowState.AWAITING_SHOPPER, "order_created", "expires " + order.expires());
    return true;
  }

  private boolean refuseOrder(String stepName, ActivityFailure failure) {
    orderFailure = toFlowFailure(failure);
    journal.fail(FlowState.FAILED, stepName, orderFailure);
    return false;
  }

  @Override
  public AfterpayOrder order(AfterpayCheckoutRequest request) {
    Workflow.await(() -> order != null || orderFailure != null);
    if (order != null) {
      return order;
    }
    throw operationFailure(orderFailure);
  }

  @Override
  public void validateOrder(AfterpayCheckoutRequest request) {
    if (!this.request.equals(request)) {
      throw new FlowRefusedException.ReferenceInUse(
          "merchantReference", this.request.merchantReference() + " is already used by a different Afterpay order");
    }
  }

  // --- the shopper's return and the capture ---------------------------------------------------

  @Override
  public void validateShopperReturn(AfterpayShopperReturn shopperReturn) {
    if (order == null) {
      throw new FlowRefusedException.StateConflict("This flow has no Afterpay order yet");
    }
    if (shopperReturn == null
        || shopperReturn.status() == null
        || !order.token().equals(shopperReturn.orderToken())) {
      throw new FlowRefusedException.ForeignToken("orderToken", "does not belong to this flow");
    }
  }

  @Override
  public ShopperRedirect shopperReturn(AfterpayShopperReturn shopperReturn) {
    if (this.shopperReturn == null) {
      this.shopperReturn = shopperReturn;
      journal.step("shopper_returned", shopperReturn.status().name());
    } else {
      journal.step("shopper_returned_again", shopperReturn.status().name());
    }
    // Every return, first or repeated, answers the one decision the flow made.
    Workflow.await(() -> redirect != null);
    return redirect;
  }

  private void decide() {
    switch (shopperReturn.status()) {
      case SUCCESS:
        capture();
        break;
      case CANCELLED:
        journal.fail(
            FlowState.CANCELLED,
            "shopper_cancelled",
            FlowFailure.ofOrchestrator("shopper_cancelled", "The shopper cancelled at Afterpay"));
        break;
      default:
        journal.fail(
            FlowState.DECLINED,
            "shopper_declined",
            FlowFailure.ofOrchestrator("shopper_declined", "Afterpay did not approve the shopper"));
        break;
    }
    redirect = redirectFor(journal.state());
  }

  private void capture() {
    journal.moveTo(FlowState.CAPTURING, "capture_requested", null);
    Optional<AfterpayPayment> payment = settles ? settleCapture() : capturePayment();
    if (payment.isEmpty()) {
      return;
    }
    AfterpayPayment captured = payment.get();
    if (!captured.approved()) {
      journal.fail(
          FlowState.DECLINED,
          "capture_declined",
          new FlowFailure(PROVIDER, "declined", "Afterpay answered the capture with status " + captured.status(), null, null));
      return;
    }
    paymentId = captured.id();
    journal.providerId("paymentId", paymentId);
    if (!captured.totalAmount().equals(request.totalAmount())) {
      if (settles) {
        settleMismatchedCapture(captured);
      } else {
        refundMismatchedCapture(captured);
      }
      return;
    }
    journal.captured(captured.totalAmount(), "payment " + paymentId);
  }

  /**
   * Captures by token. A final refusal (402 declined or invalid_token, other 4xx) ends the flow;
   * when retries ran out without an answer, the capture may still have happened, so Afterpay is
   * asked for the token's payment before giving up.
   */
  private Optional<AfterpayPayment> capturePayment() {
    try {
      return Optional.of(afterpayCapture.capture(order.token(), request.merchantReference()));
    } catch (ActivityFailure failure) {
      Optional<ProviderFailure> refusal = ProviderFailure.from(failure).filter(f -> !f.retryable());
      if (refusal.isPresent()) {
        ProviderFailure refused = refusal.get();
        journal.fail(
            refused.httpStatus() == 402 ? FlowState.DECLINED : FlowState.FAILED,
            "capture_refused",
            FlowFailure.of(refused));
        return Optional.empty();
      }
      journal.step("capture_unanswered", toFlowFailure(failure).message());
      AfterpayPayment found;
      try {
        found = afterpay.findPaymentByToken(order.token());
      } catch (ActivityFailure lookupFailure) {
        found = null;
      }
      if (found == null) {
        journal.fail(FlowState.FAILED, "capture_failed", toFlowFailure(failure));
        return Optional.empty();
      }
      journal.step("capture_found", "payment " + found.id() + " " + found.status());
      return Optional.of(found);
    }
  }

  /**
   * Captures by token, and settles any failure by asking Afterpay for the token's payment: a
   * capture that timed out may have happened, and a refusal on a later attempt (402
   * invalid_token) may only mean an earlier attempt consumed the token. Found: that payment
   * decides. Definitely none (404): the capture's own failure stands. The look-up failing is
   * "still unknown": it is asked again, and the capture stays pending meanwhile.
   */
  private Optional<AfterpayPayment> settleCapture() {
    String token = order.token();
    journal.pending(new PendingEffect(PendingEffect.CAPTURE, request.merchantReference(), request.totalAmount(), null, now()));
    try {
      AfterpayPayment captured = afterpayCapture.capture(token, request.merchantReference());
      journal.settled(PendingEffect.CAPTURE, request.merchantReference());
      return Optional.of(captured);
    } catch (ActivityFailure failure) {
      FlowFailure why = toFlowFailure(failure);
      boolean refused = Settlement.refusal(failure).isPresent();
      journal.step(refused ? "capture_refused" : "capture_unanswered", why.code() + ": " + why.message());
      Optional<AfterpayPayment> found =
          Settlement.lookUp(
              () -> afterpayLookUp.findPaymentByToken(token),
              lookUpFailed -> journal.step("capture_lookup_failed", toFlowFailure(lookUpFailed).message()),
              AfterpayActivityOptions.LOOK_UP_PAUSE);
      journal.settled(PendingEffect.CAPTURE, request.merchantReference());
      boolean declined = why.httpStatus() != null && why.httpStatus() == 402;
      if (found.isPresent()) {
        journal.step("capture_found", "payment " + found.get().id() + " " + found.get().status());
        if (found.get().approved() || !declined) {
          return found;
        }
        // Declined, as the 402 said: its code and message say more than the payment's status.
      }
      journal.fail(
          declined ? FlowState.DECLINED : FlowState.FAILED, declined ? "capture_declined" : "capture_failed", why);
      return Optional.empty();
    }
  }

  /**
   * Afterpay captured another total than the merchant's order (the cart changed): the captured
   * amount shows at once, and all of it is given back through the same settled refund as the
   * merchant's. The flow ends only once that refund is settled.
   */
  private void settleMismatchedCapture(AfterpayPayment captured) {
    String mismatch =
        "Afterpay captured " + captured.totalAmount() + " but the order total is " + request.totalAmount();
    journal.capturedAmount(captured.totalAmount());
    journal.step("amount_mismatch", mismatch);
    SettledOutcome<RefundRecord> refund = settleRefund(MISMATCH_REFUND_REFERENCE, captured.totalAmount());
    if (refund.isDone()) {
      journal.refundRecorded(refund.done());
      journal.fail(
          FlowState.FAILED, "amount_mismatch", FlowFailure.ofOrchestrator("amount_mismatch", mismatch + "; refunded in full"));
      return;
    }
    journal.fail(FlowState.FAILED, "amount_mismatch", mismatchRefundFailed(mismatch, refund.notDone()));
  }

  private static FlowFailure mismatchRefundFailed(String mismatch, FlowFailure refundFailure) {
    return new FlowFailure(
        refundFailure.source(),
        "amount_mismatch_refund_failed",
        mismatch + "; the refund failed and needs attention: " + refundFailure.message(),
        refundFailure.httpStatus(),
        refundFailure.errorId());
  }

  /**
   * Refunds once per reference: the requestId is chosen the first time and sent on every attempt;
   * retryable failures are retried with it while Afterpay keeps the key. A refusal is definite.
   * Anything else (the key's time ran out, an unreadable answer) is settled by the payment's
   * refunds, where the reference identifies the refund: found, it was made; not there, it was not.
   */
  private SettledOutcome<RefundRecord> settleRefund(String reference, Money amount) {
    String requestId = refundRequestIds.computeIfAbsent(reference, r -> Workflow.randomUUID().toString());
    AfterpayRefundCall call = new AfterpayRefundCall(paymentId, requestId, amount, reference);
    journal.pending(new PendingEffect(PendingEffect.REFUND, reference, amount, requestId, now()));
    journal.step("refund_requested", amount + " requestId " + requestId);
    SettledOutcome<RefundRecord> outcome;
    try {
      outcome = SettledOutcome.done(afterpayRefund.refund(call));
    } catch (ActivityFailure failure) {
      FlowFailure why = toFlowFailure(failure);
      if (Settlement.refusal(failure).isPresent()) {
        outcome = SettledOutcome.notDone(why);
      } else {
        journal.step("refund_unanswered", why.code() + ": " + why.message());
        outcome =
            Settlement.lookUp(
                    () -> afterpayLookUp.findRefund(call),
                    lookUpFailed -> journal.step("refund_lookup_failed", toFlowFailure(lookUpFailed).message()),
                    AfterpayActivityOptions.LOOK_UP_PAUSE)
                .map(SettledOutcome::done)
                .orElseGet(() -> SettledOutcome.notDone(notMade(why)));
      }
    }
    journal.settled(PendingEffect.REFUND, reference);
    return outcome;
  }

  private static FlowFailure notMade(FlowFailure why) {
    return new FlowFailure(
        why.source(),
        FlowFailure.NOT_MADE,
        "Afterpay has no such refund after every attempt ended (" + why.code() + ": " + why.message()
            + "); it was not made",
        why.httpStatus(),
        why.errorId());
  }

  /** Afterpay captured another total than the merchant's order (the cart changed): give it all back. */
  private void refundMismatchedCapture(AfterpayPayment captured) {
    String mismatch =
        "Afterpay captured " + captured.totalAmount() + " but the order total is " + request.totalAmount();
    journal.step("amount_mismatch", mismatch);
    try {
      RefundRecord refund =
          afterpay.refund(
              new AfterpayRefundCall(
                  paymentId, Workflow.randomUUID().toString(), captured.totalAmount(), request.merchantReference()));
      journal.step("refunded", refund.amount() + " refund " + refund.refundId());
      journal.fail(
          FlowState.FAILED, "amount_mismatch", FlowFailure.ofOrchestrator("amount_mismatch", mismatch + "; refunded in full"));
    } catch (ActivityFailure failure) {
      FlowFailure refundFailure = toFlowFailure(failure);
      journal.fail(
          FlowState.FAILED,
          "amount_mismatch",
          new FlowFailure(
              refundFailure.source(),
              "amount_mismatch_refund_failed",
              mismatch + "; the refund failed and needs attention: " + refundFailure.message(),
              refundFailure.httpStatus(),
              refundFailure.errorId()));
    }
  }

  private ShopperRedirect redirectFor(FlowState state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("flowId", Workflow.getInfo().getWorkflowId());
    query.put("status", state.name());
    if (state == FlowState.CAPTURED) {
      return new ShopperRedirect(
          Urls.withQuery(request.merchant().redirectConfirmUrl(), query), state, null);
    }
    FlowStatus status = journal.snapshot();
    String reason = status.failure() == null ? state.name().toLowerCase() : status.failure().code();
    query.put("reason", reason);
    return new ShopperRedirect(
        Urls.withQuery(request.merchant().redirectCancelUrl(), query), state, reason);
  }

  // --- after sale -----------------------------------------------------------------------------

  private void serveAfterSale() {
    Workflow.sleep(input.afterSaleWindow());
    afterSaleClosed = true;
    // Refunds or courier updates already accepted finish before the flow completes.
    Workflow.await(Workflow::isEveryHandlerFinished);
    journal.step("after_sale_closed", null);
  }

  @Override
  public void validateRefund(AfterpayRefundRequest refund) {
    if (settles) {
      validateSettledRefund(refund);
      return;
    }
    requireRefundableAmount(refund);
    Optional<RefundRecord> earlier = refundByReference(refund.merchantReference());
    if (earlier.isPresent()) {
      if (!earlier.get().amount().equals(refund.amount())) {
        throw new FlowRefusedException.InvalidRequest(
            "merchantReference", refund.merchantReference() + " already refunded " + earlier.get().amount());
      }
      return;
    }
    if (refund.merchantReference() != null && refundReferencesInFlight.containsKey(refund.merchantReference())) {
      return;
    }
    requireLeftToRefund(refund);
  }

  /**
   * A refund needs the merchant's reference, and one reference means one refund: the same amount
   * again is a repeat (answered by the first), another amount is refused, in flight or not.
   */
  private void validateSettledRefund(AfterpayRefundRequest refund) {
    requireRefundableAmount(refund);
    String reference = refund.merchantReference();
    if (reference == null || reference.isBlank()) {
      throw new FlowRefusedException.InvalidRequest("merchantReference", "is required");
    }
    Optional<Money> earlier = amountFor(reference);
    if (earlier.isPresent()) {
      if (!earlier.get().equals(refund.amount())) {
        throw new FlowRefusedException.ReferenceReused(
            "merchantReference", reference + " is already used for a refund of " + earlier.get());
      }
      return;
    }
    requireLeftToRefund(refund);
  }

  private void requireRefundableAmount(AfterpayRefundRequest refund) {
    requireAfterSaleOpen();
    if (refund == null || refund.amount() == null || !refund.amount().isPositive()) {
      throw new FlowRefusedException.InvalidRequest("amount", "must be positive");
    }
    Money captured = journal.capturedAmount();
    if (!captured.currency().equals(refund.amount().currency())) {
      throw new FlowRefusedException.InvalidRequest("currency", "must be " + captured.currency());
    }
  }

  private void requireLeftToRefund(AfterpayRefundRequest refund) {
    Money left = refundable();
    if (refund.amount().isGreaterThan(left)) {
      throw new FlowRefusedException.InvalidRequest(
          "amount", refund.amount() + " exceeds what is left to refund: " + left);
    }
  }

  /** The amount a reference was used for: refunded, in flight, or refused. */
  private Optional<Money> amountFor(String reference) {
    Optional<Money> refunded = refundByReference(reference).map(RefundRecord::amount);
    if (refunded.isPresent()) {
      return refunded;
    }
    if (refundReferencesInFlight.containsKey(reference)) {
      return Optional.of(refundReferencesInFlight.get(reference));
    }
    return Optional.ofNullable(refusedRefunds.get(reference)).map(RefusedRefund::amount);
  }

  @Override
  public RefundRecord refund(AfterpayRefundRequest refund) {
    if (settles) {
      return settledRefund(refund);
    }
    String reference = refund.merchantReference();
    if (reference != null) {
      // A repeat of a refund still in flight waits for it and answers the same record.
      Workflow.await(() -> !refundReferencesInFlight.containsKey(reference));
      Optional<RefundRecord> earlier = refundByReference(reference);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    // Validators may run side by side; this check and the reservation below cannot interleave.
    if (refund.amount().isGreaterThan(refundable())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "amount " + refund.amount() + " exceeds what is left to refund: " + refundable(),
          "refund_exceeds_captured");
    }
    refundsInFlight = refundsInFlight.plus(refund.amount());
    if (reference != null) {
      refundReferencesInFlight.put(reference, refund.amount());
    }
    // Chosen once and recorded in history: every retry of this refund sends the same requestId.
    String requestId = Workflow.randomUUID().toString();
    journal.step("refund_requested", refund.amount() + " requestId " + requestId);
    try {
      RefundRecord confirmed =
          afterpay.refund(new AfterpayRefundCall(paymentId, requestId, refund.amount(), reference));
      journal.refunded(confirmed);
      return confirmed;
    } catch (ActivityFailure failure) {
      FlowFailure why = toFlowFailure(failure);
      journal.step("refund_failed", why.code() + ": " + why.message());
      throw operationFailure(why);
    } finally {
      refundsInFlight = refundsInFlight.minus(refund.amount());
      if (reference != null) {
        refundReferencesInFlight.remove(reference);
      }
    }
  }

  /**
   * Completes only once the refund is settled (it may stay in flight for hours, shown as
   * pending): answers the refund, or fails with a definite refusal. Never an unknown outcome.
   */
  private RefundRecord settledRefund(AfterpayRefundRequest refund) {
    String reference = refund.merchantReference();
    // A repeat of a refund in flight waits for it and answers the same outcome.
    Workflow.await(() -> !refundReferencesInFlight.containsKey(reference));
    Optional<RefundRecord> earlier = refundByReference(reference);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (refusedRefunds.containsKey(reference)) {
      throw operationFailure(refusedRefunds.get(reference).why());
    }
    // Validators may run side by side; this check and the reservation below cannot interleave.
    if (refund.amount().isGreaterThan(refundable())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "amount " + refund.amount() + " exceeds what is left to refund: " + refundable(),
          "refund_exceeds_captured");
    }
    refundsInFlight = refundsInFlight.plus(refund.amount());
    refundReferencesInFlight.put(reference, refund.amount());
    try {
      SettledOutcome<RefundRecord> outcome = settleRefund(reference, refund.amount());
      if (outcome.isDone()) {
        journal.refunded(outcome.done());
        return outcome.done();
      }
      FlowFailure why = outcome.notDone();
      refusedRefunds.put(reference, new RefusedRefund(refund.amount(), why));
      journal.step("refund_failed", why.code() + ": " + why.message());
      throw operationFailure(why);
    } finally {
      refundsInFlight = refundsInFlight.minus(refund.amount());
      refundReferencesInFlight.remove(reference);
    }
  }

  private Money refundable() {
    return journal.capturedAmount().minus(journal.refundedAmount()).minus(refundsInFlight);
  }

  private Optional<RefundRecord> refundByReference(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    return journal.refunds().stream().filter(r -> reference.equals(r.merchantReference())).findFirst();
  }

  @Override
  public void validateUpdateCourier(AfterpayCourier courier) {
    requireAfterSaleOpen();
    if (courier == null) {
      throw new FlowRefusedException.InvalidRequest("courier", "is required");
    }
    if (courier.priority() != null
        && !courier.priority().equals("STANDARD")
        && !courier.priority().equals("EXPRESS")) {
      throw new FlowRefusedException.InvalidRequest("priority", "must be STANDARD or EXPRESS");
    }
  }

  @Override
  public void updateCourier(AfterpayCourier courier) {
    try {
      afterpay.updateCourier(paymentId, courier);
      journal.step("courier_updated", courier.name());
    } catch (ActivityFailure failure) {
      FlowFailure why = toFlowFailure(failure);
      journal.step("courier_update_failed", why.code() + ": " + why.message());
      throw operationFailure(why);
    }
  }

  private void requireAfterSaleOpen() {
    if (!journal.state().isPaid()) {
      throw new FlowRefusedException.StateConflict("The payment is not captured (flow is " + journal.state() + ")");
    }
    if (afterSaleClosed) {
      throw new FlowRefusedException.StateConflict("The after-sale window of this flow has closed");
    }
  }

  @Override
  public FlowStatus status() {
    return journal.snapshot();
  }

  @Override
  public ShopperRedirect shopperRedirect() {
    if (redirect != null) {
      return redirect;
    }
    return journal.state().isTerminal() ? redirectFor(journal.state()) : null;
  }

  // --- failures -------------------------------------------------------------------------------

  private static FlowFailure toFlowFailure(ActivityFailure failure) {
    return ProviderFailure.from(failure)
        .map(FlowFailure::of)
        .orElseGet(
            () ->
                FlowFailure.ofOrchestrator(
                    "activity_failed",
                    failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage()));
  }

  /**
   * Why the flow, its order or an after-sale operation failed, as the failure its run or Update
   * ends with: the code as type, the FlowFailure as details. An operation's failure leaves the
   * flow going on.
   */
  private static ApplicationFailure operationFailure(FlowFailure why) {
    return ApplicationFailure.newBuilder()
        .setType(why.code())
        .setMessage(why.message())
        .setDetails(why)
        .setNonRetryable(true)
        .build();
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
