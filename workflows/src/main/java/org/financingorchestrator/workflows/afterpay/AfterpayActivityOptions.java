package org.financingorchestrator.workflows.afterpay;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retries fitted to Afterpay's document, built from {@link AfterpayTimeouts} (which
 * the HTTP client is built from too): start-to-close is the client's connect + read timeout plus a
 * margin, so Temporal never abandons an attempt the HTTP client still waits on. Retries are
 * bounded: what the client classified as final (4xx) is never retried.
 */
final class AfterpayActivityOptions {

  private static final AfterpayTimeouts TIMEOUTS = AfterpayTimeouts.DOCUMENTED;

  /** Configuration, orders and courier updates: a few quick retries, then the failure stands. */
  static final ActivityOptions STANDARD =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(TIMEOUTS.startToClose())
          .setHeartbeatTimeout(AfterpayTimeouts.HEARTBEAT)
          .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)).setMaximumAttempts(6).build())
          .build();

  /**
   * The configuration (payment limits), served from the worker's cache nearly always: a local
   * activity, so the cached answer costs no round trip through Temporal (no activity task, no
   * workflow task), only a marker. Retried as {@link #STANDARD} when it does call Afterpay.
   */
  static final LocalActivityOptions CONFIGURATION =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(TIMEOUTS.startToClose())
          .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)).setMaximumAttempts(6).build())
          .build();

  /**
   * Capture is idempotent by token, so an attempt whose answer was lost is safely sent again. The
   * shopper's browser waits on the outcome, which bounds the whole schedule to a few minutes.
   */
  static final ActivityOptions CAPTURE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(TIMEOUTS.captureStartToClose())
          .setHeartbeatTimeout(AfterpayTimeouts.HEARTBEAT)
          .setScheduleToCloseTimeout(AfterpayTimeouts.CAPTURE_SCHEDULE)
          .setRetryOptions(backoff(Duration.ofSeconds(2), Duration.ofSeconds(30)).setMaximumAttempts(5).build())
          .build();

  /**
   * A refund is sent again with the same requestId for as long as Afterpay keeps answering that
   * key with the first response (24 hours): retryable failures are retried until a little before
   * then, backing off to a few minutes between attempts. A refusal (4xx) ends it at once.
   */
  static final ActivityOptions REFUND = retriedFor(Duration.ofHours(23));

  /**
   * Look-ups that settle an unknown outcome (the token's payment, a payment's refunds): a failed
   * look-up is "still unknown", so it is asked again, backing off to a few minutes, for two days
   * (longer than a token lives, long enough for an outage); then the flow records the failure and
   * asks again.
   */
  static final ActivityOptions LOOK_UP = retriedFor(Duration.ofDays(2));

  /** Between two look-ups that failed for good (a refusal, or their schedule ran out). */
  static final Duration LOOK_UP_PAUSE = Duration.ofMinutes(10);

  /** A standard call retried without an attempt limit for {@code scheduleToClose}, every few minutes at most. */
  private static ActivityOptions retriedFor(Duration scheduleToClose) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(TIMEOUTS.startToClose())
        .setHeartbeatTimeout(AfterpayTimeouts.HEARTBEAT)
        .setScheduleToCloseTimeout(scheduleToClose)
        .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)).build())
        .build();
  }

  /** Exponential backoff, doubling from {@code initial} up to {@code maximum} between attempts. */
  private static RetryOptions.Builder backoff(Duration initial, Duration maximum) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(maximum);
  }

  private AfterpayActivityOptions() {}
}
