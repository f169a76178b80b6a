package org.financingorchestrator.workflows.common;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import java.util.Set;

/**
 * The worker's report that it is retrying a provider call of a flow: the call (its activity type,
 * e.g. "AfterpayCapture") and how many times it has been retried so far (the attempt starting now,
 * less one). Names and a count only.
 */
public record ProviderCallRetried(String call, int retries) {

  /** The Signal every flow listens for ({@link ProviderCallRetries}). */
  public static final String SIGNAL = "providerCallRetried";

  /**
   * The attempts at which the worker reports: a few, so that a call retried for days adds a
   * bounded number of Signals to its flow's history, and 5 among them, so that "retried more than
   * 3 times" shows while the fifth attempt runs.
   */
  public static final Set<Integer> REPORTED_ATTEMPTS = Set.of(2, 4, 5, 10, 20, 50, 100);

  public static boolean reported(int attempt) {
    return REPORTED_ATTEMPTS.contains(attempt);
  }

  /**
   * The Signal's handler, which every flow registers as a listener ({@link ProviderCallRetries}):
   * not part of any flow's public interface, since only the worker sends it.
   */
  @WorkflowInterface
  public interface Listener {
    @SignalMethod(name = SIGNAL)
    void retried(ProviderCallRetried report);
  }
}
