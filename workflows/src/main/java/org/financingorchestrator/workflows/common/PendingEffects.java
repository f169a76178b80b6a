package org.financingorchestrator.workflows.common;

import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The effects a flow has asked a provider for and not settled yet, published for operators: the
 * {@code FlowPending} search attribute ({@value PendingEffect#CAPTURE}, {@value
 * PendingEffect#REFUND}, unset when nothing is pending) and the counter {@value #METRIC}{@code
 * {provider,effect,event=opened|settled}} (pending now = opened − settled). Workflow code only.
 */
final class PendingEffects {

  static final String METRIC = BusinessMeters.PENDING_EFFECTS;

  private final String provider;
  private final List<PendingEffect> pending = new ArrayList<>();

  PendingEffects(String provider) {
    this.provider = provider;
  }

  void open(PendingEffect effect) {
    pending.add(effect);
    count(effect.effect(), "opened");
    publish();
  }

  void settle(String effect, String reference) {
    if (pending.removeIf(p -> p.is(effect, reference))) {
      count(effect, "settled");
      publish();
    }
  }

  List<PendingEffect> list() {
    return List.copyOf(pending);
  }

  private void publish() {
    // A capture is settled before any refund is asked for, so one word says what operators look for.
    String what =
        pending.stream().map(PendingEffect::effect).distinct().sorted().reduce((a, b) -> a + "," + b).orElse(null);
    Workflow.upsertTypedSearchAttributes(
        what == null ? FlowSearchAttributes.PENDING.valueUnset() : FlowSearchAttributes.PENDING.valueSet(what));
  }

  private void count(String effect, String event) {
    Workflow.getMetricsScope()
        .tagged(Map.of("provider", provider, "effect", effect, "event", event))
        .counter(METRIC)
        .inc(1);
  }
}
