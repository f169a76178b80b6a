package org.financingorchestrator.workflows.affirm;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retries of the Affirm activities, from {@link AffirmTimeouts}. What the client
 * classified as final (4xx) is never retried; network errors, 408, 429 and 5xx are, bounded.
 */
final class AffirmActivityOptions {

  private static final AffirmTimeouts TIMEOUTS = AffirmTimeouts.DOCUMENTED;

  /** The shopper's browser waits on the authorization: a few minutes of attempts at most. */
  static final ActivityOptions AUTHORIZE =
      options(TIMEOUTS.startToClose())
          .setScheduleToCloseTimeout(AffirmTimeouts.AUTHORIZE_SCHEDULE)
          .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofSeconds(20)).build())
          .build();

  /**
   * Capture, void, refund and update, and every re-send that settles an unknown outcome: the same
   * Idempotency-Key makes sending again safe, so they are retried for 23 hours, backing off to a
   * few minutes (Affirm is assumed to keep a key's answer for 24).
   */
  static final ActivityOptions SETTLED =
      options(TIMEOUTS.startToClose())
          .setScheduleToCloseTimeout(Duration.ofHours(23))
          .setRetryOptions(backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)).build())
          .build();

  /** Between two re-sends whose schedules ended without a definite answer. */
  static final Duration RESEND_PAUSE = Duration.ofMinutes(10);

  private static ActivityOptions.Builder options(Duration startToClose) {
    return ActivityOptions.newBuilder().setStartToCloseTimeout(startToClose).setHeartbeatTimeout(AffirmTimeouts.HEARTBEAT);
  }

  private static RetryOptions.Builder backoff(Duration initial, Duration maximum) {
    return RetryOptions.newBuilder().setInitialInterval(initial).setBackoffCoefficient(2.0).setMaximumInterval(maximum);
  }

  private AffirmActivityOptions() {}
}
