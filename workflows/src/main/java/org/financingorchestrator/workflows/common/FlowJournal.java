package org.financingorchestrator.workflows.common;

import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.workflows.webhooks.MerchantWebhooks;

/**
 * The status a flow keeps of itself, for every provider's workflow: state, amounts, the
 * provider's ids, refunds, the failure and each step with its workflow time. Changing the state
 * also updates the flow's search attributes, its last recorded status in the memo
 * ({@link FlowMemo}, readable while no worker runs) and its business metrics for operators
 * ({@link FlowMetrics}).
 *
 * <p>Workflow code only: it reads the workflow clock and upserts search attributes and the memo,
 * all deterministic under replay.
 */
public final class FlowJournal {

  public static final String TRANSITIONS_METRIC = BusinessMeters.TRANSITIONS;
  /** The Workflow.getVersion change that made state changes also upsert the memo. */
  static final String STATUS_MEMO_CHANGE = "flow-status-memo";
  /** The Workflow.getVersion change that made the start also upsert the MerchantId attribute. */
  static final String MERCHANT_ID_CHANGE = "merchant-id";
  /**
   * Steps kept: the latest ones. A flow that serves hundreds of refunds would otherwise carry an
   * ever longer list in its status, its memo and its continued runs' input.
   */
  public static final int MAX_STEPS = 100;
  /** The step that stands for the steps no longer kept, first in the status. */
  public static final String EARLIER_STEPS = "earlier_steps_omitted";

  private final String flowId;
  private final String provider;
  private final String merchantId;
  private final String merchantReference;
  private final Money orderAmount;
  private final Map<String, String> providerIds = new LinkedHashMap<>();
  private final List<RefundRecord> refunds = new ArrayList<>();
  private final List<FlowStep> steps = new ArrayList<>();
  private FlowState state = FlowState.STARTED;
  private Money capturedAmount;
  private FlowFailure failure;
  private boolean recordsStatusMemo;
  private final PendingEffects pending;
  private final FlowMetrics metrics;
  /** Who the flow waits on, for operators (search attributes and the UI's current details). */
  private final FlowWaiting waiting;
  /** Steps dropped to keep {@link #MAX_STEPS}, and when the last of them happened. */
  private int stepsOmitted;
  private Instant omittedUntil;
  private final MerchantWebhooks webhooks = new MerchantWebhooks();

  /** @param merchantId null for a flow started before flows had merchants */
  public FlowJournal(String flowId, String provider, String merchantId, String merchantReference, Money orderAmount) {
    this.flowId = flowId;
    this.provider = provider;
    this.merchantId = merchantId;
    this.merchantReference = merchantReference;
    this.orderAmount = orderAmount;
    this.pending = new PendingEffects(provider);
    this.metrics = new FlowMetrics(provider);
    this.waiting = new FlowWaiting(provider);
    // Every flow has a journal: so every flow takes the worker's retry reports.
    ProviderCallRetries.listen(waiting::upserts);
  }

  /** Records the flow's start and publishes its search attributes. */
  public void start(String detail) {
    // Decided once per run: flows started before the memo existed replay without its upserts.
    recordsStatusMemo =
        Workflow.getVersion(STATUS_MEMO_CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
    Workflow.upsertTypedSearchAttributes(
        FlowSearchAttributes.PROVIDER.valueSet(provider),
        FlowSearchAttributes.MERCHANT_REFERENCE.valueSet(merchantReference),
        FlowSearchAttributes.AMOUNT_MINOR_UNITS.valueSet(orderAmount.minorUnits()),
        FlowSearchAttributes.CURRENCY.valueSet(orderAmount.currency()));
    // Its own upsert, behind its own version: runs recorded before it replay without it.
    boolean recordsMerchant =
        Workflow.getVersion(MERCHANT_ID_CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
    if (recordsMerchant && merchantId != null) {
      Workflow.upsertTypedSearchAttributes(FlowSearchAttributes.MERCHANT_ID.valueSet(merchantId));
    }
    waiting.decide();
    moveTo(FlowState.STARTED, "started", detail);
  }

  /**
   * The journal of a run continued as new: everything the previous run's journal had, with
   * nothing pending (a flow continues only once its handlers have finished). Its search attributes
   * and memo were carried by the continue-as-new itself.
   */
  public static FlowJournal resumed(JournalCarry carry) {
    FlowStatus status = carry.status();
    FlowJournal journal =
        new FlowJournal(
            status.flowId(), status.provider(), status.merchantId(), status.merchantReference(), status.orderAmount());
    journal.providerIds.putAll(status.providerIds());
    journal.refunds.addAll(status.refunds());
    journal.steps.addAll(status.steps());
    journal.state = status.state();
    journal.capturedAmount = status.capturedAmount();
    journal.failure = status.failure();
    journal.stepsOmitted = carry.stepsOmitted();
    journal.omittedUntil = carry.omittedUntil();
    journal.recordsStatusMemo = true;
    journal.waiting.resumed(Boolean.TRUE.equals(carry.operatorAttributes()), journal.state);
    journal.webhooks.resumed(carry.webhooks());
    return journal;
  }

  /** What a run continued as new needs to go on with this journal. */
  public JournalCarry carry() {
    return new JournalCarry(
        new FlowStatus(
            flowId, provider, merchantId, merchantReference, state, orderAmount, capturedAmount, refundedAmount(),
            Map.copyOf(providerIds), List.copyOf(refunds), failure, List.copyOf(steps), List.of()),
        stepsOmitted,
        omittedUntil,
        waiting.upserts(),
        webhooks.carry());
  }

  /**
   * A journal carried into a run continued as new: its status (steps without the omitted-steps
   * marker), how many steps were dropped before them, and whether the run kept the operators'
   * attributes ({@link FlowWaiting}; null in carries from before them) and whether it was on
   * the webhooks' version ({@link MerchantWebhooks#carry()}; null in carries from before them).
   */
  public record JournalCarry(
      FlowStatus status, int stepsOmitted, Instant omittedUntil, Boolean operatorAttributes, Boolean webhooks) {}

  public void step(String name, String detail) {
    steps.add(new FlowStep(name, now(), detail));
    if (steps.size() > MAX_STEPS) {
      omittedUntil = steps.remove(0).at();
      stepsOmitted++;
    }
  }

  /** Moves to a new state, recording the step that caused it. */
  public void moveTo(FlowState next, String stepName, String detail) {
    FlowState previous = state;
    state = next;
    step(stepName, detail);
    Workflow.upsertTypedSearchAttributes(FlowSearchAttributes.STATE.valueSet(next.name()));
    recordMemo();
    waiting.entered(next, now());
    metrics.moved(previous, next, orderAmount);
    // The merchant's webhook, if it has one: the step's ordinal in the flow makes the event's id.
    webhooks.stateReached(snapshot(), stepsOmitted + steps.size());
  }

  /** Ends the flow in a state that is not paid, with why. */
  public void fail(FlowState terminal, String stepName, FlowFailure why) {
    failure = why;
    moveTo(terminal, stepName, why.code() + ": " + why.message());
  }

  /** An effect asked of the provider whose outcome is not known yet; shown until settled. */
  public void pending(PendingEffect effect) {
    pending.open(effect);
    recordMemo();
  }

  /** The effect's outcome is known (done or definitely not done): no longer pending. */
  public void settled(String effect, String reference) {
    pending.settle(effect, reference);
    recordMemo();
  }

  public List<PendingEffect> pending() {
    return pending.list();
  }

  public void providerId(String name, String value) {
    providerIds.put(name, value);
  }

  public String providerId(String name) {
    return providerIds.get(name);
  }

  public void captured(Money amount, String detail) {
    capturedAmount(amount);
    moveTo(FlowState.CAPTURED, "captured", detail);
  }

  /**
   * What the provider reports it captured, recorded the moment it is known, also when the flow
   * will not keep it (a total that differs from the order's is refunded): money it holds shows.
   */
  public void capturedAmount(Money amount) {
    if (capturedAmount == null) {
      metrics.captured(amount);
    }
    capturedAmount = amount;
  }

  /** Adds a confirmed refund without changing the state (the flow decides its end itself). */
  public void refundRecorded(RefundRecord refund) {
    refunds.add(refund);
    metrics.refunded(refund.amount());
    step("refunded", refund.amount() + " refund " + refund.refundId());
  }

  /** Adds a confirmed refund; the state follows what is left of the captured amount. */
  public void refunded(RefundRecord refund) {
    refunds.add(refund);
    metrics.refunded(refund.amount());
    FlowState next =
        refundedAmount().equals(capturedAmount) ? FlowState.REFUNDED : FlowState.PARTIALLY_REFUNDED;
    moveTo(next, "refunded", refund.amount() + " refund " + refund.refundId());
  }

  public FlowState state() {
    return state;
  }

  public Money orderAmount() {
    return orderAmount;
  }

  public Money capturedAmount() {
    return capturedAmount;
  }

  public Money refundedAmount() {
    Money total = Money.zero(orderAmount.currency());
    for (RefundRecord refund : refunds) {
      total = total.plus(refund.amount());
    }
    return total;
  }

  public List<RefundRecord> refunds() {
    return Collections.unmodifiableList(refunds);
  }

  public FlowStatus snapshot() {
    return new FlowStatus(
        flowId,
        provider,
        merchantId,
        merchantReference,
        state,
        orderAmount,
        capturedAmount,
        refundedAmount(),
        Map.copyOf(providerIds),
        List.copyOf(refunds),
        failure,
        stepsShown(),
        pending.list());
  }

  /** The kept steps, after one that says how many earlier ones were dropped. */
  private List<FlowStep> stepsShown() {
    if (stepsOmitted == 0) {
      return List.copyOf(steps);
    }
    List<FlowStep> shown = new ArrayList<>(steps.size() + 1);
    shown.add(new FlowStep(EARLIER_STEPS, omittedUntil, stepsOmitted + " earlier steps are not kept"));
    shown.addAll(steps);
    return List.copyOf(shown);
  }

  /**
   * Continues the flow as new with {@code nextInput}, its memo and search attributes as they are
   * now (the next run starts with them, not with the start's). Does not return.
   */
  public void continueAsNew(Object nextInput) {
    Workflow.continueAsNew(
        ContinueAsNewOptions.newBuilder()
            .setMemo(FlowMemo.of(snapshot()))
            .setTypedSearchAttributes(Workflow.getTypedSearchAttributes())
            .build(),
        nextInput);
  }

  private void recordMemo() {
    if (recordsStatusMemo) {
      Workflow.upsertMemo(FlowMemo.of(snapshot()));
    }
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
