package org.financingorchestrator.workflows.common;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/**
 * A provider's error, classified once at the HTTP client's edge. Carried as the details of the
 * {@link ApplicationFailure} an activity fails with; the failure's type is the provider's code
 * and its non-retryable flag follows {@link #retryable()}.
 *
 * @param httpStatus the HTTP status, or 0 when no response arrived (I/O error, timeout)
 */
public record ProviderFailure(
    String provider,
    int httpStatus,
    String code,
    String message,
    String errorId,
    boolean retryable) {

  /** Code used when the provider could not be reached or did not answer in time. */
  public static final String UNREACHABLE = "provider_unreachable";
  /**
   * Code used when the provider answered success with a body that cannot be read or lacks what
   * the flow needs: final (asking again gets the same answer), and for an effect an unknown outcome.
   */
  public static final String MALFORMED_RESPONSE = "malformed_response";

  public ApplicationFailure toApplicationFailure(Duration nextRetryDelay) {
    return ApplicationFailure.newBuilder()
        .setType(code)
        .setMessage(provider + " " + (httpStatus == 0 ? "I/O" : httpStatus) + " " + code + ": " + message)
        .setDetails(this)
        .setNonRetryable(!retryable)
        .setNextRetryDelay(nextRetryDelay)
        .build();
  }

  /** The provider failure behind an activity failure, if the activity failed with one. */
  public static java.util.Optional<ProviderFailure> from(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure) {
        ApplicationFailure af = (ApplicationFailure) t;
        try {
          ProviderFailure details = af.getDetails().get(ProviderFailure.class);
          if (details != null) {
            return java.util.Optional.of(details);
          }
        } catch (RuntimeException notProviderDetails) {
          // details of another shape: not a provider failure
        }
      }
    }
    return java.util.Optional.empty();
  }
}
