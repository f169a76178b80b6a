package org.financingorchestrator.workflows.webhooks;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Delivers one event to a merchant's webhook, as its own workflow: a flow starts it and goes on,
 * and the delivery outlives the flow (a merchant's endpoint down for a day delays nothing). Its
 * workflow id is the event's id, so one event is delivered by one workflow.
 */
@WorkflowInterface
public interface MerchantWebhookWorkflow {

  String TYPE = "MerchantWebhook";
  String TASK_QUEUE = "merchant-webhooks";

  /** @return the HTTP status the merchant acknowledged with (0: no webhook configured, nothing sent) */
  @WorkflowMethod(name = TYPE)
  int deliver(MerchantWebhookDelivery delivery);
}
