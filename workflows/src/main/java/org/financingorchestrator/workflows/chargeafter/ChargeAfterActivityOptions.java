package org.financingorchestrator.workflows.chargeafter;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Retries for ChargeAfter's calls, from {@link ChargeAfterTimeouts}. */
final class ChargeAfterActivityOptions {

  private static final ChargeAfterTimeouts TIMEOUTS = ChargeAfterTimeouts.CHOSEN;

  /**
   * send-link: a few quick retries while the merchant's request waits. It has no idempotency key,
   * so a retry after a lost answer may make a second session; the flow accepts the postback of
   * either (the Bearer key is the flow's), see README's provider assumptions.
   */
  static final ActivityOptions SEND_LINK =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(TIMEOUTS.startToClose())
          .setHeartbeatTimeout(ChargeAfterTimeouts.HEARTBEAT)
          .setScheduleToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofSeconds(20))
                  .setMaximumAttempts(4)
                  .build())
          .build();

  /** One status request: a failed one is simply asked again at the flow's next poll. */
  static final ActivityOptions STATUS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(TIMEOUTS.startToClose())
          .setHeartbeatTimeout(ChargeAfterTimeouts.HEARTBEAT)
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
          .build();

  private ChargeAfterActivityOptions() {}
}
