package org.financingorchestrator.workflows.common;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every provider's flow does after capture, built on its {@link FlowJournal}: refunds and the
 * after-sale window. A refund needs the merchant's reference, and one reference means one refund:
 * its requestId is chosen once and sent on every attempt, the amount is reserved while it is in
 * flight (so two refunds never exceed what is left), a repeat answers the first outcome, the same
 * reference with another amount is refused. An unknown outcome is settled, never reported
 * ({@link Settlement}): retried with its key, then looked up by reference. The provider supplies
 * only its {@link RefundEffect}. Workflow code only.
 */
public final class AfterSale {

  private final FlowJournal journal;
  private final String providerName;
  private final RefundEffect refunds;
  private final Duration lookUpPause;

  /** Refunds accepted but not yet settled: counted against what is left. */
  private Money refundsInFlight;
  /** Merchant refund references in flight, with their amounts. */
  private final Map<String, Money> referencesInFlight = new LinkedHashMap<>();
  /** The provider's requestId for each refund reference, chosen once: every attempt sends the same. */
  private final Map<String, String> requestIds = new LinkedHashMap<>();
  /** Refunds the provider definitely did not make, by reference: a repeat answers the same. */
  private final Map<String, RefusedRefund> refused = new LinkedHashMap<>();
  private boolean closed;
  /** The run is finishing its requests in hand before it continues as new: new ones wait for the next. */
  private boolean continuing;

  /** A refund the provider definitely did not make: a repeat of its reference answers the same. */
  public record RefusedRefund(String reference, Money amount, FlowFailure why) {}

  /**
   * What a run continued as new needs of the after-sale: the journal, the refused refunds and
   * when the window closes. Refunds in flight are never carried: a flow continues only once every
   * handler has finished.
   */
  public record Carry(FlowJournal.JournalCarry journal, List<RefusedRefund> refused, Instant closesAt) {}

  /**
   * History events after which a run in the after-sale window continues as new (or sooner, when
   * the server suggests it). A refund costs about a dozen events, so a run holds about 80 refunds
   * and stays far below the server's limits (50,000 events, 2,000 Updates per run, 50 MB).
   */
  public static final int CONTINUE_AS_NEW_AFTER_EVENTS = 1_000;

  /**
   * @param providerName the provider as merchants read it in a failure's message ("Afterpay")
   * @param lookUpPause between two look-ups that failed for good
   */
  public AfterSale(FlowJournal journal, String providerName, RefundEffect refunds, Duration lookUpPause) {
    this.journal = journal;
    this.providerName = providerName;
    this.refunds = refunds;
    this.lookUpPause = lookUpPause;
    this.refundsInFlight = Money.zero(journal.orderAmount().currency());
  }

  // --- the window --------------------------------------------------------------------------------

  /**
   * Serves the window until {@code closesAt}, continuing as new whenever the run's history has
   * grown long: once every handler has finished, {@code continueAsNew} gets what the next run
   * needs ({@link #carry}) and does not return. Then closes the window as {@link #serve} does.
   */
  public void serveUntil(Instant closesAt, Consumer<Carry> continueAsNew) {
    while (Workflow.await(until(closesAt), AfterSale::historyIsLong)) {
      // New requests are refused meanwhile (the API sends them again to the next run): under a
      // steady stream of refunds, handlers would otherwise never all be finished at once.
      continuing = true;
      Workflow.await(Workflow::isEveryHandlerFinished);
      continueAsNew.accept(carry(closesAt));
    }
    closed = true;
    Workflow.await(Workflow::isEveryHandlerFinished);
    journal.step("after_sale_closed", null);
  }

  /** Picks up where the previous run left off ({@link #carry}). */
  public void resume(Carry carry) {
    for (RefusedRefund refusal : carry.refused()) {
      refused.put(refusal.reference(), refusal);
    }
  }

  private Carry carry(Instant closesAt) {
    return new Carry(journal.carry(), List.copyOf(refused.values()), closesAt);
  }

  private static boolean historyIsLong() {
    return Workflow.getInfo().isContinueAsNewSuggested()
        || Workflow.getInfo().getHistoryLength() >= CONTINUE_AS_NEW_AFTER_EVENTS;
  }

  private static Duration until(Instant closesAt) {
    Duration left = Duration.between(now(), closesAt);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Serves the window, then closes it; refunds already accepted finish before this returns. */
  public void serve(Duration window) {
    Workflow.sleep(window);
    closed = true;
    Workflow.await(Workflow::isEveryHandlerFinished);
    journal.step("after_sale_closed", null);
  }

  /**
   * Refuses any after-sale request before capture or after the window, and while the run is
   * handing over to its next one.
   */
  public void requireOpen() {
    if (continuing) {
      throw new FlowRefusedException.Continuing("The flow is moving to its next run; send the request again");
    }
    if (!journal.state().isPaid()) {
      throw new FlowRefusedException.StateConflict("The payment is not captured (flow is " + journal.state() + ")");
    }
    if (closed) {
      throw new FlowRefusedException.StateConflict("The after-sale window of this flow has closed");
    }
  }

  // --- refunds -------------------------------------------------------------------------------

  /**
   * The refund Update's validator. The same reference and amount again is a repeat (answered by
   * the first); another amount is refused, in flight or not.
   */
  public void validate(RefundRequest refund) {
    requireRefundable(refund);
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

  /**
   * The refund Update's handler: completes once the refund is settled (it may stay in flight for
   * hours, shown as pending): answers the refund, or fails with a definite refusal.
   */
  public RefundRecord refund(RefundRequest refund) {
    String reference = refund.merchantReference();
    // A repeat of a refund in flight waits for it and answers the same outcome.
    Workflow.await(() -> !referencesInFlight.containsKey(reference));
    Optional<RefundRecord> earlier = refundByReference(reference);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (refused.containsKey(reference)) {
      throw refused.get(reference).why().toApplicationFailure();
    }
    requireNotOverLeft(refund.amount());
    reserve(reference, refund.amount());
    try {
      SettledOutcome<RefundRecord> outcome = settle(reference, refund.amount());
      if (outcome.isDone()) {
        journal.refunded(outcome.done());
        return outcome.done();
      }
      FlowFailure why = outcome.notDone();
      refused.put(reference, new RefusedRefund(reference, refund.amount(), why));
      journal.step("refund_failed", why.code() + ": " + why.message());
      throw why.toApplicationFailure();
    } finally {
      release(reference, refund.amount());
    }
  }

  /**
   * Refunds once per reference: the requestId is chosen the first time and sent on every attempt;
   * retryable failures are retried with it while the provider keeps the key. A refusal is
   * definite. Anything else (the key's time ran out, an unreadable answer) is settled by looking
   * the refund up by its reference: found, it was made; not there, it was not. Shown as pending
   * meanwhile. Records nothing of the outcome: the caller decides what it means for the flow.
   */
  public SettledOutcome<RefundRecord> settle(String reference, Money amount) {
    String requestId = requestIds.computeIfAbsent(reference, r -> Workflow.randomUUID().toString());
    journal.pending(new PendingEffect(PendingEffect.REFUND, reference, amount, requestId, now()));
    journal.step("refund_requested", amount + " requestId " + requestId);
    SettledOutcome<RefundRecord> outcome;
    try {
      outcome = SettledOutcome.done(refunds.make(reference, requestId, amount));
    } catch (ActivityFailure failure) {
      FlowFailure why = FlowFailure.from(failure);
      if (Settlement.refusal(failure).isPresent()) {
        outcome = SettledOutcome.notDone(why);
      } else {
        journal.step("refund_unanswered", why.code() + ": " + why.message());
        outcome =
            Settlement.lookUp(
                    () -> refunds.find(reference, requestId, amount).orElse(null),
                    lookUpFailed -> journal.step("refund_lookup_failed", FlowFailure.from(lookUpFailed).message()),
                    lookUpPause)
                .map(SettledOutcome::done)
                .orElseGet(() -> SettledOutcome.notDone(notMade(why)));
      }
    }
    journal.settled(PendingEffect.REFUND, reference);
    return outcome;
  }

  /** The after-sale window is open, the amount positive and in the captured currency. */
  public void requireRefundable(RefundRequest refund) {
    requireOpen();
    if (refund == null || refund.amount() == null || !refund.amount().isPositive()) {
      throw new FlowRefusedException.InvalidRequest("amount", "must be positive");
    }
    Money captured = journal.capturedAmount();
    if (!captured.currency().equals(refund.amount().currency())) {
      throw new FlowRefusedException.InvalidRequest("currency", "must be " + captured.currency());
    }
  }

  public void requireLeftToRefund(RefundRequest refund) {
    Money left = refundable();
    if (refund.amount().isGreaterThan(left)) {
      throw new FlowRefusedException.InvalidRequest(
          "amount", refund.amount() + " exceeds what is left to refund: " + left);
    }
  }

  /**
   * The handler's own check: validators may run side by side, so this check and the reservation
   * after it (which cannot interleave) are what keep two refunds from exceeding what is left.
   */
  public void requireNotOverLeft(Money amount) {
    if (amount.isGreaterThan(refundable())) {
      throw FlowFailure.ofOrchestrator(
              "refund_exceeds_captured", "amount " + amount + " exceeds what is left to refund: " + refundable())
          .toApplicationFailure();
    }
  }

  /** Counts an amount against what is left while its refund is in flight. */
  public void reserve(String reference, Money amount) {
    refundsInFlight = refundsInFlight.plus(amount);
    if (reference != null) {
      referencesInFlight.put(reference, amount);
    }
  }

  public void release(String reference, Money amount) {
    refundsInFlight = refundsInFlight.minus(amount);
    if (reference != null) {
      referencesInFlight.remove(reference);
    }
  }

  public boolean isInFlight(String reference) {
    return reference != null && referencesInFlight.containsKey(reference);
  }

  public Optional<RefundRecord> refundByReference(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    return journal.refunds().stream().filter(r -> reference.equals(r.merchantReference())).findFirst();
  }

  /** What is left to refund: captured, less refunded, less in flight. */
  public Money refundable() {
    return journal.capturedAmount().minus(journal.refundedAmount()).minus(refundsInFlight);
  }

  /** The amount a reference was used for: refunded, in flight, or refused. */
  private Optional<Money> amountFor(String reference) {
    Optional<Money> refunded = refundByReference(reference).map(RefundRecord::amount);
    if (refunded.isPresent()) {
      return refunded;
    }
    if (referencesInFlight.containsKey(reference)) {
      return Optional.of(referencesInFlight.get(reference));
    }
    return Optional.ofNullable(refused.get(reference)).map(RefusedRefund::amount);
  }

  private FlowFailure notMade(FlowFailure why) {
    return new FlowFailure(
        why.source(),
        FlowFailure.NOT_MADE,
        providerName + " has no such refund after every attempt ended (" + why.code() + ": " + why.message()
            + "); it was not made",
        why.httpStatus(),
        why.errorId());
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
