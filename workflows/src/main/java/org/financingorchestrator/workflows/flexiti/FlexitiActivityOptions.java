package org.financingorchestrator.workflows.flexiti;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Retries of Flexiti calls. What the client classified as final (Flexiti's 4xx answers) is never
 * retried. A clerk and a customer wait at the till, so calls are retried for a couple of minutes;
 * the confirmation and its look-up (money moved or not) are retried far longer.
 */
final class FlexitiActivityOptions {

  private static final FlexitiTimeouts TIMEOUTS = FlexitiTimeouts.DEFAULT;

  /** Log-in, look-up, verify, post: the till waits, so a few minutes at most. */
  static final ActivityOptions AT_THE_TILL = retriedFor(Duration.ofMinutes(2), Duration.ofSeconds(15));

  /**
   * The return: Flexiti documents no idempotency key, so it is never sent again blind. One attempt;
   * an answer that never came is settled by the purchase's balance, and the return is sent again
   * only when the balance shows it was not made.
   */
  static final ActivityOptions ONCE =
      ActivityOptions.newBuilder(AT_THE_TILL)
          .setRetryOptions(RetryOptions.newBuilder(AT_THE_TILL.getRetryOptions()).setMaximumAttempts(1).build())
          .build();

  /** How often a return the balance shows not made is sent again, in all. */
  static final int RETURN_POSTS = 5;

  /**
   * The PUT that posts the money: confirming a transaction id again is safe, so it is retried
   * for an hour, then settled by the customer's transactions.
   */
  static final ActivityOptions CONFIRM = retriedFor(Duration.ofHours(1), Duration.ofMinutes(2));

  /** The look-up that settles an unknown confirmation: asked for two days, then again after a pause. */
  static final ActivityOptions LOOK_UP = retriedFor(Duration.ofDays(2), Duration.ofMinutes(5));

  /** Closing an account the applicant did not accept: safe to ask again, so asked until done. */
  static final ActivityOptions CLOSE_ACCOUNT = retriedFor(Duration.ofDays(2), Duration.ofMinutes(5));

  static final Duration LOOK_UP_PAUSE = Duration.ofMinutes(10);

  private static ActivityOptions retriedFor(Duration scheduleToClose, Duration maximumInterval) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(TIMEOUTS.startToClose())
        .setHeartbeatTimeout(FlexitiTimeouts.HEARTBEAT)
        .setScheduleToCloseTimeout(scheduleToClose)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(maximumInterval)
                .build())
        .build();
  }

  private FlexitiActivityOptions() {}
}
