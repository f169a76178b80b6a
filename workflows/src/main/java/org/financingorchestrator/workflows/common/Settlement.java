package org.financingorchestrator.workflows.common;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Settling an effect whose outcome is unknown, for every provider: an effect's failure is a
 * definite "not done" only when the provider refused it; anything else (retries ran out, a
 * timeout, an answer that could not be read) may hide an effect that happened, and is settled by
 * asking the provider's read endpoint. A look-up that fails is "still unknown", never "not done":
 * it is asked again until it answers. Workflow code only.
 */
public final class Settlement {

  /**
   * Codes of failures after which the effect may have happened although the provider's answer
   * said nothing definite: an answer that could not be read.
   */
  public static final Set<String> UNKNOWN_OUTCOME_CODES = Set.of(ProviderFailure.MALFORMED_RESPONSE);

  private Settlement() {}

  /** The provider's definite refusal behind this failure, if it is one: the effect did not happen. */
  public static Optional<ProviderFailure> refusal(ActivityFailure failure) {
    return ProviderFailure.from(failure)
        .filter(f -> !f.retryable() && !UNKNOWN_OUTCOME_CODES.contains(f.code()));
  }

  /**
   * Asks {@code lookUp} until it answers: its result, or empty when the provider definitely has no
   * such effect (the look-up answers null). Each failed look-up is reported, then asked again
   * after {@code pause} (the look-up activity's own retries come first).
   */
  public static <T> Optional<T> lookUp(Supplier<T> lookUp, Consumer<ActivityFailure> failed, Duration pause) {
    while (true) {
      try {
        return Optional.ofNullable(lookUp.get());
      } catch (ActivityFailure stillUnknown) {
        failed.accept(stillUnknown);
        Workflow.sleep(pause);
      }
    }
  }
}
