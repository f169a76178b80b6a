package org.financingorchestrator.workflows.common;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/**
 * Why a flow (or one operation in it) failed, as the merchant sees it. {@code source} is the
 * provider's name when the provider said so (its own code and message are kept), or
 * {@value #ORCHESTRATOR} when this project decided (amount outside limits, expiry, ...).
 */
public record FlowFailure(
    String source, String code, String message, Integer httpStatus, String errorId) {

  public static final String ORCHESTRATOR = "orchestrator";
  /** A merchant reference already used for an operation with other terms (another amount). */
  public static final String REFERENCE_REUSED = "merchant_reference_reused";
  /**
   * An effect whose outcome was unknown was settled as definitely not done: safe to ask again
   * under a new reference.
   */
  public static final String NOT_MADE = "not_made";

  public static FlowFailure ofOrchestrator(String code, String message) {
    return new FlowFailure(ORCHESTRATOR, code, message, null, null);
  }

  public static FlowFailure of(ProviderFailure failure) {
    return new FlowFailure(
        failure.provider(),
        failure.code(),
        failure.message(),
        failure.httpStatus(),
        failure.errorId());
  }

  /** Why an activity failed, as the merchant sees it: the provider's failure, or ours. */
  public static FlowFailure from(ActivityFailure failure) {
    return ProviderFailure.from(failure)
        .map(FlowFailure::of)
        .orElseGet(
            () ->
                ofOrchestrator(
                    "activity_failed",
                    failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage()));
  }

  /**
   * This failure as the failure a run or an Update ends with: the code as type, this record as
   * details, never retried. An operation's failure leaves the flow going on.
   */
  public ApplicationFailure toApplicationFailure() {
    return ApplicationFailure.newBuilder()
        .setType(code)
        .setMessage(message)
        .setDetails(this)
        .setNonRetryable(true)
        .build();
  }
}
