package org.financingorchestrator.workflows.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * How long and how often an event is offered, as the usual webhook senders do (Stripe, Standard
 * Webhooks): any answer but 2xx, and any I/O error, is tried again, backing off exponentially from
 * 1 s to at most 10 min between attempts, for {@link #DELIVERY_WINDOW} in all. A receiver's 4xx is
 * retried too: it is most often a deploy or a misconfiguration on the merchant's side that is
 * fixed within the window, and the receiver dedups by event id.
 */
public final class MerchantWebhookOptions {

  public static final Duration DELIVERY_WINDOW = Duration.ofDays(3);
  public static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  public static final Duration MAX_RETRY_INTERVAL = Duration.ofMinutes(10);
  /** One attempt: the HTTP client's own timeouts (5 s to connect, 10 s for the answer) fit within. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

  static final ActivityOptions POST =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(ATTEMPT_TIMEOUT)
          .setScheduleToCloseTimeout(DELIVERY_WINDOW)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(FIRST_RETRY)
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(MAX_RETRY_INTERVAL)
                  .build())
          .build();

  private MerchantWebhookOptions() {}
}
