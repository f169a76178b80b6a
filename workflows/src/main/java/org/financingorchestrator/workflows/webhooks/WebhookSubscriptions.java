package org.financingorchestrator.workflows.webhooks;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which merchants have a webhook, as the worker hosting the flows is configured. Workflow code
 * reads it only through {@code Workflow.sideEffect} ({@link MerchantWebhooks}), so a run records
 * the answer once and replays it whatever the worker's configuration is by then. Static because
 * the SDK instantiates workflow classes itself: the worker sets it once at start-up.
 */
public final class WebhookSubscriptions {

  private static volatile Predicate<String> subscribed = merchantId -> false;

  private WebhookSubscriptions() {}

  /** The worker's answer to "does this merchant have a webhook URL"; none: nobody has one. */
  public static void use(Predicate<String> merchantHasWebhook) {
    subscribed = Objects.requireNonNull(merchantHasWebhook, "merchantHasWebhook");
  }

  public static boolean has(String merchantId) {
    return subscribed.test(merchantId);
  }
}
