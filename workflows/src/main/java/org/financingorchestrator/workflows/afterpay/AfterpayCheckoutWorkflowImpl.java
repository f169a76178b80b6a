package org.financingorchestrator.workflows.afterpay;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.financingorchestrator.workflows.common.AfterSale;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.FlowRefusedException;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.PendingEffect;
import org.financingorchestrator.workflows.common.RefundEffect;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.financingorchestrator.workflows.common.SettledOutcome;
import org.financingorchestrator.workflows.common.Settlement;
import org.financingorchestrator.workflows.common.StepSummaries;
import org.financingorchestrator.workflows.common.ShopperRedirect;

/**
 * Afterpay's direct payment flow: check the configured limits, create the order, wait for the
 * shopper's return until the token expires, capture, then serve refunds and courier updates for
 * the after-sale window ({@link AfterSale}).
 *
 * <p>From version 1 of {@value #SETTLES_CHANGE} on, an effect whose outcome is unknown (a capture or
 * refund whose attempts ended without a definite answer) is settled, never reported as failed:
 * retried with the same key while Afterpay keeps it, then looked up. It shows as pending until
 * then, and the flow does not complete meanwhile. A flow that ended without creating an order
 * fails its run, so that the merchant's reference can start a new one. Runs from before that
 * version take {@link AfterpayLegacyPaths}.
 *
 * <p>From version 1 of {@value #WAITS_AFTER_INVALID_TOKEN_CHANGE} on, the return's status is only a
 * hint: a capture Afterpay refuses with invalid_token before the token expires (the shopper has not
 * approved, whatever the return said) sends that browser to the cancel page and the flow waits for
 * the shopper again, until expiry.
 *
 * <p>From version 1 of {@value #CONTINUES_AS_NEW_CHANGE} on, the after-sale window continues as new
 * whenever the run's history grows long ({@link AfterSale#serveUntil}), carrying the order, the
 * shopper's redirect and the refund ledger ({@link AfterpayContinuation}): a flow's history stays
 * bounded however many refunds and courier updates its window serves.
 */
public class AfterpayCheckoutWorkflowImpl implements AfterpayCheckoutWorkflow {

  /** The Workflow.getVersion change that settles unknown outcomes. */
  static final String SETTLES_CHANGE = "settle-unknown-outcomes";
  /**
   * The Workflow.getVersion change after which a capture refused with invalid_token before the
   * token expires sends that browser to the cancel page and keeps waiting for the shopper.
   */
  static final String WAITS_AFTER_INVALID_TOKEN_CHANGE = "wait-after-invalid-token";
  /** The Workflow.getVersion change after which a return at the expiry instant is answered. */
  static final String ANSWERS_RETURN_AT_EXPIRY_CHANGE = "answer-return-at-expiry";
  /** The Workflow.getVersion change after which the after-sale window continues as new. */
  static final String CONTINUES_AS_NEW_CHANGE = "after-sale-continue-as-new";
  /**
   * The Workflow.getVersion change after which the configuration is asked by a local activity
   * (BENCHMARKS.md: one activity task and one workflow task fewer per checkout).
   */
  static final String LOCAL_CONFIGURATION_CHANGE = "configuration-local-activity";
  /** Afterpay's code for a token it will not capture (not approved, used or expired). */
  static final String INVALID_TOKEN = "invalid_token";
  /** Our own refund reference for giving back a captured total that differs from the order's. */
  static final String MISMATCH_REFUND_REFERENCE = "amount-mismatch";

  private final AfterpayActivities afterpay =
      Workflow.newActivityStub(AfterpayActivities.class, AfterpayActivityOptions.STANDARD);
  // Capture, refunds and look-ups go through stubs made per call, with the step's summary (StepSummaries).

  private final AfterpayCheckoutInput input;
  private final AfterpayCheckoutRequest request;
  private final FlowJournal journal;
  private final AfterSale afterSale;
  private final AfterpayLegacyPaths legacy;

  private AfterpayOrder order;
  private String checkoutDigest;
  private FlowFailure orderFailure;
  private AfterpayShopperReturn shopperReturn;
  /** The flow's one decision for the shopper's browser; null until it has made it. */
  private ShopperRedirect redirect;
  /**
   * Returns answered without a decision (a capture refused with invalid_token while the token is
   * still valid): how many rounds, and the last round's answer.
   */
  private int undecidedRounds;
  private ShopperRedirect undecidedRedirect;
  /** The API's id of the return the last undecided round acted on. */
  private String undecidedReturnId;
  private String paymentId;
  /** The courier details Afterpay last accepted: the same again is refused as unchanged. */
  private AfterpayCourier courierSent;
  /** Version 1 of {@link #SETTLES_CHANGE}, decided once per run. */
  private boolean settles;

  @WorkflowInit
  public AfterpayCheckoutWorkflowImpl(AfterpayCheckoutInput input) {
    this.input = input;
    this.request = input.request();
    AfterpayContinuation continued = input.continued();
    this.journal =
        continued != null
            ? FlowJournal.resumed(continued.afterSale().journal())
            : new FlowJournal(
                Workflow.getInfo().getWorkflowId(),
                PROVIDER,
                input.merchantId(),
                request.merchantReference(),
                request.totalAmount());
    this.afterSale = new AfterSale(journal, "Afterpay", new AfterpayRefunds(), AfterpayActivityOptions.LOOK_UP_PAUSE);
    this.legacy = new AfterpayLegacyPaths(journal, afterSale, request);
    if (continued != null) {
      // Handlers may run before run() does: the carried state is in place from the start.
      order = continued.order();
      redirect = continued.redirect();
      paymentId = journal.providerId("paymentId");
      settles = true;
      afterSale.resume(continued.afterSale());
    }
  }

  @Override
  public FlowStatus run(AfterpayCheckoutInput input) {
    if (input.continued() != null) {
      afterSale.serveUntil(input.continued().afterSale().closesAt(), this::continueAsNew);
      return journal.snapshot();
    }
    settles = Workflow.getVersion(SETTLES_CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
    journal.start(request.totalAmount().toString());
    if (!createOrder()) {
      if (settles) {
        // Nothing exists at Afterpay: a failed run lets the same reference start again.
        Workflow.await(Workflow::isEveryHandlerFinished);
        throw orderFailure.toApplicationFailure();
      }
      return journal.snapshot();
    }
    boolean returned = awaitShopperReturn();
    // Only a capture refused with invalid_token before expiry comes back to AWAITING_SHOPPER.
    while (returned && actOnShopperReturn()) {
      returned = awaitShopperReturn();
    }
    if (!returned) {
      journal.fail(
          FlowState.EXPIRED,
          "order_expired",
          FlowFailure.ofOrchestrator(
              "order_expired", "The shopper did not return before the order expired at " + order.expires()));
      answerReturnAtExpiry();
      return journal.snapshot();
    }
    if (journal.state().isPaid()) {
      if (Workflow.getVersion(CONTINUES_AS_NEW_CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION) {
        afterSale.serveUntil(now().plus(input.afterSaleWindow()), this::continueAsNew);
      } else {
        afterSale.serve(input.afterSaleWindow());
      }
    }
    return journal.snapshot();
  }

  /** The next run of this flow, with its status, memo and search attributes as they are now. */
  private void continueAsNew(AfterSale.Carry afterSale) {
    journal.continueAsNew(input.continuedWith(new AfterpayContinuation(order, redirect, afterSale)));
  }

  private boolean awaitShopperReturn() {
    Duration untilExpiry = Duration.between(now(), order.expires());
    return Workflow.await(untilExpiry.isNegative() ? Duration.ZERO : untilExpiry, () -> shopperReturn != null);
  }

  // --- order -----------------------------------------------------------------------------

  private boolean createOrder() {
    AfterpayPaymentLimits limits;
    try {
      limits =
          Workflow.getVersion(LOCAL_CONFIGURATION_CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION
              ? Workflow.newLocalActivityStub(AfterpayActivities.class, AfterpayActivityOptions.CONFIGURATION).getConfiguration()
              : afterpay.getConfiguration();
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
      order =
          StepSummaries.stub(AfterpayActivities.class, AfterpayActivityOptions.STANDARD, "create the order for " + amount(total) + " at Afterpay")
              .createOrder(new AfterpayCreateOrder(request, input.callbacks()));
    } catch (ActivityFailure failure) {
      return refuseOrder("order_failed", failure);
    }
    journal.providerId("token", order.token());
    journal.moveTo(FlowState.AWAITING_SHOPPER, "order_created", "expires " + order.expires());
    return true;
  }

  private boolean refuseOrder(String stepName, ActivityFailure failure) {
    orderFailure = FlowFailure.from(failure);
    journal.fail(FlowState.FAILED, stepName, orderFailure);
    return false;
  }

  @Override
  public AfterpayOrderCreated orderCreated(String checkoutDigest) {
    AfterpayOrder created = awaitOrder();
    return new AfterpayOrderCreated(created.token(), created.expires(), journal.state());
  }

  @Override
  public void validateOrderCreated(String checkoutDigest) {
    if (!checkoutDigest().equals(checkoutDigest)) {
      throw referenceInUse();
    }
  }

  @Override
  public AfterpayOrder order(AfterpayCheckoutRequest request) {
    return awaitOrder();
  }

  private AfterpayOrder awaitOrder() {
    Workflow.await(() -> order != null || orderFailure != null);
    if (order != null) {
      return order;
    }
    throw orderFailure.toApplicationFailure();
  }

  /** Computed once, when a start first asks: the checkout does not change. */
  private String checkoutDigest() {
    if (checkoutDigest == null) {
      checkoutDigest = AfterpayCheckoutDigest.of(request);
    }
    return checkoutDigest;
  }

  private FlowRefusedException referenceInUse() {
    return new FlowRefusedException.ReferenceInUse(
        "merchantReference", request.merchantReference() + " is already used by a different Afterpay order");
  }

  @Override
  public void validateOrder(AfterpayCheckoutRequest request) {
    if (!this.request.equals(request)) {
      throw referenceInUse();
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
    // A return after the decision changes nothing: refused, so that it writes nothing to the
    // history (a run continued as new does not know the first round's Update id); the API answers
    // it with the decision (shopperRedirect).
    if (redirect != null) {
      throw new FlowRefusedException.Unchanged("The flow has decided where the shopper goes");
    }
  }

  @Override
  public ShopperRedirect shopperReturn(AfterpayShopperReturn shopperReturn) {
    if (this.shopperReturn == null && redirect == null) {
      this.shopperReturn = shopperReturn;
      journal.step("shopper_returned", shopperReturn.status().name());
    } else {
      journal.step("shopper_returned_again", shopperReturn.status().name());
    }
    // Every return, first or repeated, answers the one decision the flow made, or the answer of
    // the round it joined when that round decided nothing.
    int round = undecidedRounds;
    Workflow.await(() -> redirect != null || undecidedRounds != round);
    return redirect != null ? redirect : undecidedRedirect;
  }

  /**
   * The return's status is a hint: CANCELLED and FAILURE end the flow, SUCCESS captures (which
   * may decline, fail, or capture another total and give it back); then the shopper's redirect.
   * True when the flow waits for the shopper again (a capture refused with invalid_token while
   * the token is valid: the shopper has not approved yet, whatever the status said).
   */
  private boolean actOnShopperReturn() {
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
    if (journal.state() == FlowState.AWAITING_SHOPPER) {
      undecidedRedirect =
          ShopperRedirect.toCancelPage(journal.snapshot(), INVALID_TOKEN, request.merchant().redirectCancelUrl());
      undecidedReturnId = shopperReturn.returnId();
      shopperReturn = null;
      undecidedRounds++;
      return true;
    }
    redirect = redirectNow();
    return false;
  }

  private void capture() {
    journal.moveTo(FlowState.CAPTURING, "capture_requested", null);
    Optional<AfterpayPayment> payment = settles ? settleCapture() : legacy.capture(order.token());
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
      String mismatch =
          "Afterpay captured " + captured.totalAmount() + " but the order total is " + request.totalAmount();
      if (settles) {
        settleMismatchedCapture(captured, mismatch);
      } else {
        legacy.refundMismatchedCapture(captured, mismatch);
      }
      return;
    }
    journal.captured(captured.totalAmount(), "payment " + paymentId);
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
      AfterpayPayment captured =
          StepSummaries.stub(AfterpayActivities.class, AfterpayActivityOptions.CAPTURE, "capture " + amount(request.totalAmount()) + " at Afterpay")
              .capture(token, request.merchantReference());
      journal.settled(PendingEffect.CAPTURE, request.merchantReference());
      return Optional.of(captured);
    } catch (ActivityFailure failure) {
      FlowFailure why = FlowFailure.from(failure);
      boolean refused = Settlement.refusal(failure).isPresent();
      journal.step(refused ? "capture_refused" : "capture_unanswered", why.code() + ": " + why.message());
      Optional<AfterpayPayment> found =
          Settlement.lookUp(
              () -> StepSummaries.stub(AfterpayActivities.class, AfterpayActivityOptions.LOOK_UP, "look up the capture at Afterpay")
                  .findPaymentByToken(token),
              lookUpFailed -> journal.step("capture_lookup_failed", FlowFailure.from(lookUpFailed).message()),
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
      if (found.isEmpty() && declined && INVALID_TOKEN.equals(why.code()) && now().isBefore(order.expires())
          && waitsAfterInvalidToken()) {
        // The token is unused and still valid: the return's SUCCESS was a hint (or forged).
        journal.moveTo(FlowState.AWAITING_SHOPPER, "capture_refused_awaiting_shopper", why.code() + ": " + why.message());
        return Optional.empty();
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
  private void settleMismatchedCapture(AfterpayPayment captured, String mismatch) {
    journal.capturedAmount(captured.totalAmount());
    journal.step("amount_mismatch", mismatch);
    SettledOutcome<RefundRecord> refund = afterSale.settle(MISMATCH_REFUND_REFERENCE, captured.totalAmount());
    if (refund.isDone()) {
      journal.refundRecorded(refund.done());
      journal.fail(
          FlowState.FAILED, "amount_mismatch", FlowFailure.ofOrchestrator("amount_mismatch", mismatch + "; refunded in full"));
      return;
    }
    journal.fail(FlowState.FAILED, "amount_mismatch", mismatchRefundFailed(mismatch, refund.notDone()));
  }

  static FlowFailure mismatchRefundFailed(String mismatch, FlowFailure refundFailure) {
    return new FlowFailure(
        refundFailure.source(),
        "amount_mismatch_refund_failed",
        mismatch + "; the refund failed and needs attention: " + refundFailure.message(),
        refundFailure.httpStatus(),
        refundFailure.errorId());
  }

  private ShopperRedirect redirectNow() {
    return ShopperRedirect.after(
        journal.snapshot(), request.merchant().redirectConfirmUrl(), request.merchant().redirectCancelUrl());
  }

  /**
   * A shopper's return that came in the very instant the order expired (the expiry won): the
   * browser is sent to the cancel page before the flow ends, rather than left with an Update the
   * ended flow never answers. Asked only where it matters, so earlier runs replay as recorded.
   */
  private void answerReturnAtExpiry() {
    if (shopperReturn == null
        || Workflow.getVersion(ANSWERS_RETURN_AT_EXPIRY_CHANGE, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return;
    }
    redirect = redirectNow();
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  /** Asked only where it matters: runs recorded before the change replay their DECLINED end. */
  private static boolean waitsAfterInvalidToken() {
    return Workflow.getVersion(WAITS_AFTER_INVALID_TOKEN_CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
  }

  // --- after sale -----------------------------------------------------------------------------

  @Override
  public void validateRefund(RefundRequest refund) {
    if (settles) {
      afterSale.validate(refund);
    } else {
      legacy.validateRefund(refund);
    }
  }

  @Override
  public RefundRecord refund(RefundRequest refund) {
    return settles ? afterSale.refund(refund) : legacy.refund(refund, paymentId);
  }

  /** Afterpay's side of a refund: Create Refund, and the payment's refunds to settle one. */
  private final class AfterpayRefunds implements RefundEffect {
    @Override
    public RefundRecord make(String reference, String requestId, Money amount) {
      return StepSummaries.stub(AfterpayActivities.class, AfterpayActivityOptions.REFUND, refundSummary(amount, reference))
          .refund(new AfterpayRefundCall(paymentId, requestId, amount, reference));
    }

    @Override
    public Optional<RefundRecord> find(String reference, String requestId, Money amount) {
      return Optional.ofNullable(
          StepSummaries.stub(AfterpayActivities.class, AfterpayActivityOptions.LOOK_UP, "look up " + refundSummary(amount, reference))
              .findRefund(new AfterpayRefundCall(paymentId, requestId, amount, reference)));
    }

    private static String refundSummary(Money amount, String reference) {
      return "refund " + amount(amount) + " at Afterpay (refund " + reference + ")";
    }
  }

  @Override
  public void validateUpdateCourier(AfterpayCourier courier) {
    afterSale.requireOpen();
    if (courier == null) {
      throw new FlowRefusedException.InvalidRequest("courier", "is required");
    }
    if (courier.priority() != null
        && !courier.priority().equals("STANDARD")
        && !courier.priority().equals("EXPRESS")) {
      throw new FlowRefusedException.InvalidRequest("priority", "must be STANDARD or EXPRESS");
    }
    if (courier.equals(courierSent)) {
      // Nothing to send: refused here, the repeat writes nothing to history.
      throw new FlowRefusedException.Unchanged("The courier details are those Afterpay has already");
    }
  }

  @Override
  public void updateCourier(AfterpayCourier courier) {
    try {
      afterpay.updateCourier(paymentId, courier);
      courierSent = courier;
      journal.step("courier_updated", courier.name());
    } catch (ActivityFailure failure) {
      FlowFailure why = FlowFailure.from(failure);
      journal.step("courier_update_failed", why.code() + ": " + why.message());
      throw why.toApplicationFailure();
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
    return journal.state().endedWithoutPayment() ? redirectNow() : null;
  }

  @Override
  public AfterpayReturnRound shopperReturnRound() {
    return new AfterpayReturnRound(
        order == null ? null : order.token(), undecidedRounds, shopperRedirect(), undecidedReturnId);
  }

  private static String amount(Money money) {
    return StepSummaries.amount(money);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
