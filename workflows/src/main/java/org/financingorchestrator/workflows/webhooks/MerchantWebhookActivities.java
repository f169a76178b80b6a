package org.financingorchestrator.workflows.webhooks;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface MerchantWebhookActivities {

  /** The activity type, as the Temporal UI and the SDK's metrics name it. */
  String POST = "PostMerchantWebhook";

  /**
   * POSTs the signed event to the merchant's configured URL. Returns once the merchant answered
   * 2xx; any other answer or I/O error fails the attempt, and Temporal tries again.
   *
   * @return the HTTP status the merchant acknowledged with, or 0 when it has no webhook configured
   *     (any more): nothing was sent
   */
  @ActivityMethod(name = POST)
  int post(MerchantWebhookDelivery delivery);
}
