package org.financingorchestrator.workflows.common;

import com.uber.m3.tally.Scope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A flow's business metrics, fed by its {@link FlowJournal}: every state change, the start, the
 * outcome, how long it took and waited, and the money it moved. Recorded through {@link
 * Workflow#getMetricsScope()}: no command, and silent while the workflow replays, so a replayed
 * flow counts nothing twice. Names and tags: {@link BusinessMeters}.
 *
 * <p>A flow <b>ends</b> the first time it reaches an outcome ({@link #OUTCOMES}); a paid flow that
 * then takes refunds has already ended (its refunds are amounts, not outcomes). Amounts:
 * <b>authorized</b> once per flow, the order's amount, when the provider committed to it (Affirm
 * authorized the charge; Afterpay's shopper approved the order, so the flow captures; the
 * ChargeAfter lender approved; a Flexiti purchase posted, or a Flexiti credit application
 * approved for the amount asked); <b>captured</b> what the provider reports it captured (a Flexiti
 * purchase: the amount posted); <b>refunded</b> each confirmed refund (a Flexiti return: its
 * amount).
 */
final class FlowMetrics {

  /** The states a flow reaches as its outcome. */
  static final Set<FlowState> OUTCOMES =
      EnumSet.of(
          FlowState.CAPTURED, FlowState.POSTED, FlowState.APPROVED, FlowState.PENDING, FlowState.VOIDED,
          FlowState.REFUNDED, FlowState.DECLINED, FlowState.CANCELLED, FlowState.EXPIRED, FlowState.FAILED);
  /** States a flow is only ever in after its outcome. */
  private static final Set<FlowState> AFTER_OUTCOME = EnumSet.of(FlowState.PARTIALLY_REFUNDED);
  /** The states in which the provider committed to the order's amount. */
  private static final Set<FlowState> AUTHORIZING =
      EnumSet.of(FlowState.AUTHORIZED, FlowState.CAPTURING, FlowState.APPROVED, FlowState.POSTED);
  /** Who the flow waits on in each waiting state. */
  private static final Map<FlowState, String> WAITING_ON =
      Map.of(
          FlowState.AWAITING_SHOPPER, BusinessMeters.SHOPPER,
          FlowState.AWAITING_VERIFICATION, BusinessMeters.SHOPPER,
          FlowState.STARTED, BusinessMeters.PROVIDER,
          FlowState.AUTHORIZING, BusinessMeters.PROVIDER,
          FlowState.CAPTURING, BusinessMeters.PROVIDER,
          FlowState.AUTHORIZED, BusinessMeters.MERCHANT);

  private final String provider;
  /** Null in a run continued as new: it starts after the outcome. */
  private Instant startedAt;
  private Instant enteredAt;
  private boolean authorized;

  FlowMetrics(String provider) {
    this.provider = provider;
  }

  /** The flow moved from {@code from} to {@code to} (the start: STARTED to STARTED). */
  void moved(FlowState from, FlowState to, Money orderAmount) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    scope(Map.of(BusinessMeters.PROVIDER, provider, "state", to.name())).counter(BusinessMeters.TRANSITIONS).inc(1);
    boolean starting = startedAt == null && enteredAt == null && to == FlowState.STARTED;
    if (starting) {
      startedAt = now;
      scope(Map.of(BusinessMeters.PROVIDER, provider)).counter(BusinessMeters.STARTED).inc(1);
    } else {
      waited(from, now);
    }
    enteredAt = now;
    boolean beforeOutcome = !OUTCOMES.contains(from) && !AFTER_OUTCOME.contains(from);
    if (beforeOutcome && !authorized && AUTHORIZING.contains(to)) {
      authorized = true;
      amount(BusinessMeters.AUTHORIZED, orderAmount);
    }
    if (beforeOutcome && OUTCOMES.contains(to)) {
      ended(to, now);
      if (to == FlowState.REFUNDED) {
        // Only a return flow reaches REFUNDED as its outcome: what it returned is its amount.
        amount(BusinessMeters.REFUNDED, orderAmount);
      }
    }
  }

  void captured(Money amount) {
    amount(BusinessMeters.CAPTURED, amount);
  }

  void refunded(Money amount) {
    amount(BusinessMeters.REFUNDED, amount);
  }

  private void ended(FlowState outcome, Instant now) {
    Map<String, String> tags = Map.of(BusinessMeters.PROVIDER, provider, BusinessMeters.OUTCOME, outcome.name());
    scope(tags).counter(BusinessMeters.ENDED).inc(1);
    if (startedAt != null) {
      scope(tags).timer(BusinessMeters.DURATION).record(since(startedAt, now));
    }
  }

  private void waited(FlowState state, Instant now) {
    String on = WAITING_ON.get(state);
    if (on != null && enteredAt != null) {
      scope(Map.of(BusinessMeters.PROVIDER, provider, BusinessMeters.WAITING_ON, on))
          .timer(BusinessMeters.WAIT)
          .record(since(enteredAt, now));
    }
  }

  private void amount(String effect, Money amount) {
    if (amount != null) {
      scope(Map.of(BusinessMeters.PROVIDER, provider, "currency", amount.currency(), "effect", effect))
          .counter(BusinessMeters.AMOUNT)
          .inc(amount.minorUnits());
    }
  }

  private static com.uber.m3.util.Duration since(Instant start, Instant now) {
    return com.uber.m3.util.Duration.ofNanos(Duration.between(start, now).toNanos());
  }

  private static Scope scope(Map<String, String> tags) {
    return Workflow.getMetricsScope().tagged(tags);
  }
}
