package org.financingorchestrator.workflows.affirm;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.financingorchestrator.workflows.common.AfterSale;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.FlowRefusal;
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
import org.financingorchestrator.workflows.common.Urls;

/**
 * Affirm's flow: wait for the shopper's confirmation (or cancel) until the shopper window ends,
 * authorize the charge with the checkout_token, check the authorized amount against the order
 * total (a mismatch is voided at once), then serve the merchant's capture or void until the
 * authorization expires, and refunds and updates for the after-sale window ({@link AfterSale}).
 *
 * <p>Every call to Affirm carries an Idempotency-Key drawn here once (recorded in history) and
 * sent on every attempt. An action whose outcome is unknown (its attempts ended without a definite
 * answer) is settled by sending it again with the same key until Affirm answers definitely; it
 * shows as pending meanwhile. A flow that ends without any charge authorized (cancelled, expired
 * before confirmation, authorization refused) fails its run, so that the order id can check out again.
 */
public class AffirmCheckoutWorkflowImpl implements AffirmCheckoutWorkflow {

  /** The pending effect of an authorization whose outcome is not known yet. */
  static final String AUTHORIZE = "authorize";
  /** The pending effect of a void whose outcome is not known yet. */
  static final String VOID = "void";

  private static final Pattern CHECKOUT_TOKEN = Pattern.compile("[\\x21-\\x7E]{1,256}");

  private final AffirmActivities affirm = Workflow.newActivityStub(AffirmActivities.class, AffirmActivityOptions.SETTLED);

  private final AffirmCheckoutInput input;
  private final FlowJournal journal;
  private final AfterSale afterSale;

  private String checkoutToken;
  private boolean cancelRequested;
  private AffirmCharge charge;
  /** The flow's one decision for the shopper's browser; null until made. */
  private ShopperRedirect redirect;
  /** A capture or void is being made: no other may start. */
  private boolean actionInFlight;

  @WorkflowInit
  public AffirmCheckoutWorkflowImpl(AffirmCheckoutInput input) {
    this.input = input;
    AffirmContinuation continued = input.continued();
    this.journal =
        continued != null
            ? FlowJournal.resumed(continued.afterSale().journal())
            : new FlowJournal(Workflow.getInfo().getWorkflowId(), PROVIDER, input.merchantId(), input.orderId(), input.total());
    this.afterSale = new AfterSale(journal, "Affirm", new AffirmRefunds(), AffirmActivityOptions.RESEND_PAUSE);
    if (continued != null) {
      // Handlers may run before run() does: the carried state is in place from the start.
      charge = continued.charge();
      redirect = continued.redirect();
      afterSale.resume(continued.afterSale());
    }
  }

  @Override
  public FlowStatus run(AffirmCheckoutInput input) {
    if (input.continued() != null) {
      afterSale.serveUntil(input.continued().afterSale().closesAt(), this::continueAsNew);
      return journal.snapshot();
    }
    journal.start(input.total().toString());
    journal.moveTo(FlowState.AWAITING_SHOPPER, "checkout_opened", "order " + input.orderId());
    boolean answered = Workflow.await(input.shopperWindow(), () -> checkoutToken != null || cancelRequested);
    if (!answered) {
      return endWithoutCharge(
          FlowState.EXPIRED,
          "checkout_expired",
          FlowFailure.ofOrchestrator("checkout_expired", "The shopper did not confirm within " + input.shopperWindow()));
    }
    if (checkoutToken == null) {
      return endWithoutCharge(
          FlowState.CANCELLED,
          "shopper_cancelled",
          FlowFailure.ofOrchestrator("shopper_cancelled", "The shopper cancelled at Affirm"));
    }
    SettledOutcome<AffirmCharge> authorized = authorize();
    if (!authorized.isDone()) {
      return endWithoutCharge(FlowState.FAILED, "authorization_failed", authorized.notDone());
    }
    charge = authorized.done();
    journal.providerId("chargeId", charge.id());
    if (!charge.amount().equals(input.total())) {
      voidMismatch();
    } else {
      journal.moveTo(
          FlowState.AUTHORIZED,
          "authorized",
          "charge " + charge.id() + " amount " + charge.amount() + " auth_hold " + charge.authHold() + " expires "
              + charge.expires());
      redirect = redirectNow();
      serveAuthorization();
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return journal.snapshot();
  }

  private void continueAsNew(AfterSale.Carry afterSale) {
    journal.continueAsNew(input.continuedWith(new AffirmContinuation(charge, redirect, afterSale)));
  }

  /** Capture or void until the authorization expires; after a capture, the after-sale window. */
  private void serveAuthorization() {
    while (true) {
      Duration untilExpiry = Duration.between(now(), charge.expires());
      boolean acted =
          Workflow.await(
              untilExpiry.isNegative() ? Duration.ZERO : untilExpiry,
              () -> actionInFlight || journal.state() != FlowState.AUTHORIZED);
      if (!acted) {
        journal.fail(
            FlowState.EXPIRED,
            "authorization_expired",
            FlowFailure.ofOrchestrator(
                "authorization_expired", "The authorization expired uncaptured at " + charge.expires()));
        return;
      }
      Workflow.await(() -> !actionInFlight);
      if (journal.state().isPaid()) {
        // Continued as new whenever its history grows long: bounded however many refunds come.
        afterSale.serveUntil(now().plus(input.afterSaleWindow()), this::continueAsNew);
        return;
      }
      if (journal.state() != FlowState.AUTHORIZED) {
        return;
      }
    }
  }

  /** Nothing was authorized at Affirm: the browser is sent on, and the run fails so the order can start again. */
  private FlowStatus endWithoutCharge(FlowState state, String stepName, FlowFailure why) {
    journal.fail(state, stepName, why);
    redirect = redirectNow();
    Workflow.await(Workflow::isEveryHandlerFinished);
    throw why.toApplicationFailure();
  }

  // --- authorization ------------------------------------------------------------------------

  private SettledOutcome<AffirmCharge> authorize() {
    String key = Workflow.randomUUID().toString();
    journal.moveTo(FlowState.AUTHORIZING, "authorize_requested", "Idempotency-Key " + key);
    journal.pending(new PendingEffect(AUTHORIZE, input.orderId(), input.total(), key, now()));
    AffirmAuthorization call = new AffirmAuthorization(checkoutToken, input.orderId(), key);
    String summary = "authorize " + StepSummaries.amount(input.total()) + " at Affirm";
    SettledOutcome<AffirmCharge> outcome =
        settle(
            AUTHORIZE,
            () -> StepSummaries.stub(AffirmActivities.class, AffirmActivityOptions.AUTHORIZE, summary).authorize(call),
            () -> StepSummaries.stub(AffirmActivities.class, AffirmActivityOptions.SETTLED, summary).authorize(call));
    journal.settled(AUTHORIZE, input.orderId());
    return outcome;
  }

  /** Affirm authorized another amount than the order's total: voided at once, and the flow fails. */
  private void voidMismatch() {
    String mismatch = "Affirm authorized " + charge.amount() + " but the order total is " + input.total();
    journal.step("amount_mismatch", mismatch);
    SettledOutcome<AffirmChargeEvent> voided = voidNow();
    FlowFailure why =
        voided.isDone()
            ? FlowFailure.ofOrchestrator("amount_mismatch", mismatch + "; the charge was voided")
            : new FlowFailure(
                voided.notDone().source(),
                "amount_mismatch_void_failed",
                mismatch + "; the void failed and needs attention: " + voided.notDone().message(),
                voided.notDone().httpStatus(),
                voided.notDone().errorId());
    journal.fail(FlowState.FAILED, "amount_mismatch", why);
    redirect = redirectNow();
  }

  private SettledOutcome<AffirmChargeEvent> voidNow() {
    String key = Workflow.randomUUID().toString();
    journal.pending(new PendingEffect(VOID, input.orderId(), charge.amount(), key, now()));
    journal.step("void_requested", "Idempotency-Key " + key);
    AffirmChargeCall call = AffirmChargeCall.voidOf(charge.id(), key);
    AffirmActivities voiding =
        StepSummaries.stub(AffirmActivities.class, AffirmActivityOptions.SETTLED, "void the authorization of " + StepSummaries.amount(charge.amount()) + " at Affirm");
    SettledOutcome<AffirmChargeEvent> outcome = settle(VOID, () -> voiding.voidCharge(call), () -> voiding.voidCharge(call));
    journal.settled(VOID, input.orderId());
    return outcome;
  }

  /**
   * Sends once (the activity retries what is retryable); a refusal is definite. Anything else
   * leaves the outcome unknown: the same request, with the same Idempotency-Key, is sent again
   * until Affirm answers definitely (Affirm answers a key it has seen with its first answer).
   */
  private <T> SettledOutcome<T> settle(String effect, Supplier<T> send, Supplier<T> sendAgain) {
    Supplier<T> next = send;
    while (true) {
      try {
        return SettledOutcome.done(next.get());
      } catch (ActivityFailure failure) {
        FlowFailure why = FlowFailure.from(failure);
        if (Settlement.refusal(failure).isPresent()) {
          journal.step(effect + "_refused", why.code() + ": " + why.message());
          return SettledOutcome.notDone(why);
        }
        journal.step(effect + "_unanswered", why.code() + ": " + why.message());
        if (next == sendAgain) {
          Workflow.sleep(AffirmActivityOptions.RESEND_PAUSE);
        }
        next = sendAgain;
      }
    }
  }

  // --- the shopper ----------------------------------------------------------------------------

  @Override
  public void validateCheckoutOpened(String checkoutDigest) {
    if (!input.checkoutDigest().equals(checkoutDigest)) {
      throw new FlowRefusedException.ReferenceInUse(
          "orderId", input.orderId() + " is already used by a different Affirm checkout");
    }
  }

  @Override
  public AffirmCheckoutOpened checkoutOpened(String checkoutDigest) {
    Workflow.await(() -> journal.state() != FlowState.STARTED);
    return new AffirmCheckoutOpened(journal.state());
  }

  @Override
  public void validateConfirm(AffirmConfirmation confirmation) {
    if (confirmation == null
        || confirmation.checkoutToken() == null
        || !CHECKOUT_TOKEN.matcher(confirmation.checkoutToken()).matches()) {
      throw new FlowRefusedException.InvalidRequest("checkout_token", "must be 1 to 256 printable characters");
    }
    if (redirect != null || cancelRequested) {
      throw new FlowRefusedException.StateConflict("The shopper's checkout is decided already (" + journal.state() + ")");
    }
    if (checkoutToken != null && !checkoutToken.equals(confirmation.checkoutToken())) {
      throw new FlowRefusedException.ForeignToken("checkout_token", "is not the one this flow is authorizing");
    }
  }

  @Override
  public ShopperRedirect confirm(AffirmConfirmation confirmation) {
    if (checkoutToken == null) {
      checkoutToken = confirmation.checkoutToken();
      journal.step("shopper_confirmed", null);
    } else {
      journal.step("shopper_confirmed_again", null);
    }
    Workflow.await(() -> redirect != null);
    return redirect;
  }

  @Override
  public void validateCancel() {
    if (checkoutToken != null || redirect != null) {
      throw new FlowRefusedException.StateConflict("The shopper's checkout is decided already (" + journal.state() + ")");
    }
  }

  @Override
  public ShopperRedirect cancel() {
    if (!cancelRequested) {
      cancelRequested = true;
      journal.step("shopper_cancel_returned", null);
    }
    Workflow.await(() -> redirect != null);
    return redirect;
  }

  /**
   * Authorized goes to the merchant's confirm page; anything else to its payment-method page with
   * the reason, and after a failed authorization the message Affirm's document gives the shopper.
   */
  private ShopperRedirect redirectNow() {
    FlowStatus status = journal.snapshot();
    if (status.state() == FlowState.AUTHORIZED || status.state().isPaid()) {
      // Ordered: Map.of's order changes from one JVM to the next.
      Map<String, String> query = new LinkedHashMap<>();
      query.put("flowId", status.flowId());
      query.put("status", status.state().name());
      return new ShopperRedirect(Urls.withQuery(input.merchant().redirectConfirmUrl(), query), status.state(), null);
    }
    ShopperRedirect toPaymentPage = ShopperRedirect.after(status, input.merchant().redirectConfirmUrl(), input.merchant().redirectCancelUrl());
    if (status.state() != FlowState.FAILED) {
      return toPaymentPage;
    }
    return new ShopperRedirect(
        Urls.withQuery(
            toPaymentPage.location(), Map.of("message", AUTHORIZATION_MESSAGE)),
        toPaymentPage.state(),
        toPaymentPage.reason());
  }

  // --- capture, void, update ------------------------------------------------------------------

  @Override
  public void validateCapture(AffirmCapture capture) {
    requireAuthorized("captured");
    if (capture == null) {
      throw new FlowRefusedException.InvalidRequest("$", "a capture is required");
    }
    if (capture.amount() != null) {
      if (!capture.amount().currency().equals(charge.authHold().currency())) {
        throw new FlowRefusedException.InvalidRequest("amount.currency", "must be " + charge.authHold().currency());
      }
      if (!capture.amount().isPositive() || capture.amount().isGreaterThan(charge.authHold())) {
        throw new FlowRefusedException.InvalidRequest(
            "amount", "must be more than 0 and at most the authorized " + charge.authHold());
      }
    }
  }

  @Override
  public FlowStatus capture(AffirmCapture capture) {
    requireNoActionInFlight();
    actionInFlight = true;
    try {
      Money amount = capture.amount() == null ? charge.authHold() : capture.amount();
      String key = Workflow.randomUUID().toString();
      journal.moveTo(FlowState.CAPTURING, "capture_requested", amount + " Idempotency-Key " + key);
      journal.pending(new PendingEffect(PendingEffect.CAPTURE, input.orderId(), amount, key, now()));
      AffirmChargeCall call = AffirmChargeCall.captureOf(charge.id(), key, amount, capture);
      AffirmActivities capturing =
          StepSummaries.stub(AffirmActivities.class, AffirmActivityOptions.SETTLED, "capture " + StepSummaries.amount(amount) + " at Affirm");
      SettledOutcome<AffirmChargeEvent> outcome =
          settle(PendingEffect.CAPTURE, () -> capturing.capture(call), () -> capturing.capture(call));
      journal.settled(PendingEffect.CAPTURE, input.orderId());
      if (outcome.isDone()) {
        Money captured = outcome.done().amount() == null ? amount : outcome.done().amount();
        journal.captured(captured, "capture " + outcome.done().id());
        return journal.snapshot();
      }
      journal.moveTo(FlowState.AUTHORIZED, "capture_not_made", outcome.notDone().code());
      throw outcome.notDone().toApplicationFailure();
    } finally {
      actionInFlight = false;
    }
  }

  @Override
  public void validateVoid() {
    requireAuthorized("voided");
  }

  @Override
  public FlowStatus voidCharge() {
    requireNoActionInFlight();
    actionInFlight = true;
    try {
      SettledOutcome<AffirmChargeEvent> outcome = voidNow();
      if (outcome.isDone()) {
        journal.moveTo(FlowState.VOIDED, "voided", "void " + outcome.done().id());
        return journal.snapshot();
      }
      journal.moveTo(FlowState.AUTHORIZED, "void_not_made", outcome.notDone().code());
      throw outcome.notDone().toApplicationFailure();
    } finally {
      actionInFlight = false;
    }
  }

  /** Only an authorization not yet captured, voided or expired, with no capture or void under way. */
  private void requireAuthorized(String action) {
    if (charge == null || journal.state() != FlowState.AUTHORIZED || actionInFlight) {
      throw new FlowRefusedException.StateConflict(
          "Only an authorized charge can be " + action + " (flow is " + journal.state() + ")");
    }
    if (!now().isBefore(charge.expires())) {
      throw new FlowRefusedException.StateConflict("The authorization expired at " + charge.expires());
    }
  }

  /** Validators may run side by side: the handler's own check cannot interleave with another's start. */
  private void requireNoActionInFlight() {
    if (actionInFlight || journal.state() != FlowState.AUTHORIZED) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Another capture or void is under way (flow is " + journal.state() + ")", FlowRefusal.STATE_CONFLICT.failureType());
    }
  }

  @Override
  public void validateUpdate(AffirmChargeUpdate update) {
    boolean live = journal.state() == FlowState.AUTHORIZED || journal.state() == FlowState.CAPTURING;
    if (charge == null || !(live || journal.state().isPaid())) {
      throw new FlowRefusedException.StateConflict("Only an authorized or captured charge can be updated (flow is " + journal.state() + ")");
    }
    if (journal.state().isPaid()) {
      afterSale.requireOpen();
    }
    if (update == null || update.isEmpty()) {
      throw new FlowRefusedException.InvalidRequest("$", "give at least one of orderId, shippingCarrier, shippingConfirmation");
    }
  }

  @Override
  public FlowStatus update(AffirmChargeUpdate update) {
    String key = Workflow.randomUUID().toString();
    try {
      AffirmChargeEvent event = affirm.update(AffirmChargeCall.updateOf(charge.id(), key, update));
      journal.step("charge_updated", "update " + event.id() + " Idempotency-Key " + key);
      return journal.snapshot();
    } catch (ActivityFailure failure) {
      FlowFailure why = FlowFailure.from(failure);
      journal.step("charge_update_failed", why.code() + ": " + why.message());
      throw why.toApplicationFailure();
    }
  }

  // --- after sale -----------------------------------------------------------------------------

  @Override
  public void validateRefund(RefundRequest refund) {
    afterSale.validate(refund);
  }

  @Override
  public RefundRecord refund(RefundRequest refund) {
    return afterSale.refund(refund);
  }

  /** Affirm's side of a refund: the refund call, and the same call again to settle one. */
  private final class AffirmRefunds implements RefundEffect {
    @Override
    public RefundRecord make(String reference, String requestId, Money amount) {
      return StepSummaries.stub(
              AffirmActivities.class, AffirmActivityOptions.SETTLED, "refund " + StepSummaries.amount(amount) + " at Affirm (refund " + reference + ")")
          .refund(AffirmChargeCall.refundOf(charge.id(), requestId, amount, reference));
    }

    @Override
    public Optional<RefundRecord> find(String reference, String requestId, Money amount) {
      return Optional.ofNullable(affirm.findRefund(AffirmChargeCall.refundOf(charge.id(), requestId, amount, reference)));
    }
  }

  @Override
  public FlowStatus status() {
    return journal.snapshot();
  }

  @Override
  public ShopperRedirect shopperRedirect() {
    return redirect;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
