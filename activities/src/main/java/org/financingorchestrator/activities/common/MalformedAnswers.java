package org.financingorchestrator.activities.common;

import feign.FeignException;
import java.util.function.Supplier;
import org.financingorchestrator.workflows.common.ProviderFailure;

/**
 * Classifies a provider's success answer that cannot be read (not JSON, a field of the wrong
 * shape) or lacks what the flow needs, where it arrives: a non-retryable {@value
 * ProviderFailure#MALFORMED_RESPONSE} failure saying what was wrong, never an exception (or a
 * null) for workflow code to trip on. Asking again would get the same answer; for an effect
 * (capture, refund) the outcome is unknown and the workflow settles it. Messages name fields,
 * never the body (it may carry personal data).
 */
public final class MalformedAnswers {

  /** The HTTP status recorded when the answer was a success whose exact status is not at hand. */
  private static final int SUCCESS = 200;

  private MalformedAnswers() {}

  /** Runs a call and the mapping of its answer, classifying an unreadable or incomplete answer. */
  public static <T> T read(String provider, Supplier<T> callAndMap) {
    try {
      return callAndMap.get();
    } catch (FeignException unreadable) {
      // Error answers arrive classified already; what Feign throws itself for a success is a body it could not decode.
      if (unreadable.status() < 200 || unreadable.status() > 299) {
        throw unreadable;
      }
      Throwable why = unreadable.getCause() == null ? unreadable : unreadable.getCause();
      throw malformed(provider, unreadable.status(), "the answer could not be read (" + why.getClass().getSimpleName() + ")");
    } catch (Incomplete | NumberFormatException | ArithmeticException wrong) {
      throw malformed(provider, SUCCESS, wrong.getMessage());
    }
  }

  /** The value, or a malformed answer naming the field when it is missing. */
  public static <T> T require(T value, String field) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new Incomplete(field + " is missing");
    }
    return value;
  }

  /** A success answer whose field has a value the flow cannot use; thrown inside {@link #read}. */
  public static RuntimeException unusable(String what) {
    return new Incomplete(what);
  }

  private static RuntimeException malformed(String provider, int status, String what) {
    return new ProviderFailure(provider, status, ProviderFailure.MALFORMED_RESPONSE, what, null, false)
        .toApplicationFailure(null);
  }

  /** A success answer without a field the flow needs. */
  static final class Incomplete extends RuntimeException {
    Incomplete(String message) {
      super(message, null, false, false);
    }
  }
}
