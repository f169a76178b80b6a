package org.financingorchestrator.workflows.webhooks;

import io.temporal.workflow.Workflow;

/** One activity, retried by Temporal until the merchant acknowledges or the window ends. */
public class MerchantWebhookWorkflowImpl implements MerchantWebhookWorkflow {

  private final MerchantWebhookActivities webhooks =
      Workflow.newActivityStub(MerchantWebhookActivities.class, MerchantWebhookOptions.POST);

  @Override
  public int deliver(MerchantWebhookDelivery delivery) {
    return webhooks.post(delivery);
  }
}
