package org.financingorchestrator.workflows.common;

import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The handler every flow registers for {@link ProviderCallRetried}: it upserts the
 * {@code ProviderCallRetried} (the calls) and {@code ProviderCallRetries} (the most retries)
 * search attributes, so that "captures retried more than 3 times" is a visibility query. Visibility
 * cannot see activity attempts, so the worker reports them (at a few attempts only).
 *
 * <p>Reads the attributes the run has (a run continued as new starts with its predecessor's), so it
 * keeps no state. Upserts only in runs that keep the operators' attributes ({@link FlowWaiting}'s
 * version, decided in the workflow's thread, not here): a Signal an older worker took without a
 * handler replays as it was taken, without the upsert.
 */
public final class ProviderCallRetries implements ProviderCallRetried.Listener {

  private final BooleanSupplier upserts;

  private ProviderCallRetries(BooleanSupplier upserts) {
    this.upserts = upserts;
  }

  /** Registers the handler on the running workflow, upserting while {@code upserts}. Workflow code only. */
  static void listen(BooleanSupplier upserts) {
    Workflow.registerListener(new ProviderCallRetries(upserts));
  }

  @Override
  public void retried(ProviderCallRetried report) {
    if (report == null || report.call() == null || !upserts.getAsBoolean()) {
      return;
    }
    List<String> calls = Workflow.getTypedSearchAttributes().get(FlowSearchAttributes.CALLS_RETRIED);
    Long most = Workflow.getTypedSearchAttributes().get(FlowSearchAttributes.CALL_RETRIES);
    List<String> next = calls == null ? new ArrayList<>() : new ArrayList<>(calls);
    boolean newCall = !next.contains(report.call());
    if (newCall) {
      next.add(report.call());
    }
    long retries = Math.max(most == null ? 0 : most, report.retries());
    if (!newCall && most != null && retries == most) {
      return;
    }
    Workflow.upsertTypedSearchAttributes(
        FlowSearchAttributes.CALLS_RETRIED.valueSet(List.copyOf(next)), FlowSearchAttributes.CALL_RETRIES.valueSet(retries));
  }
}
