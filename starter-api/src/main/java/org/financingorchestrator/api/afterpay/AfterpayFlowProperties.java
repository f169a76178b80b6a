package org.financingorchestrator.api.afterpay;

import java.time.Duration;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this app starts and waits for Afterpay flows.
 *
 * @param taskQueue where the worker polls for Afterpay checkouts (default: the workflow's own)
 * @param afterSaleWindow how long a flow keeps serving refunds and courier updates after capture
 * @param shopperCheckoutUrl where the merchant may send the shopper, {@code {token}} replaced by
 *     the order token; informational, since real Afterpay shows its checkout with afterpay.js
 * @param orderWait how long creating a checkout waits for Afterpay's order (token)
 * @param shopperReturnWait how long the shopper's browser waits for the capture decision; by
 *     default derived from the capture's budget ({@link AfterpayTimeouts#shopperDecision()}), so
 *     that a slow capture still ends on the merchant's page
 * @param operationWait how long a refund or courier update waits for Afterpay's answer
 */
@ConfigurationProperties("flows.afterpay")
public record AfterpayFlowProperties(
    @DefaultValue(AfterpayCheckoutWorkflow.TASK_QUEUE) String taskQueue,
    @DefaultValue("P120D") Duration afterSaleWindow,
    @DefaultValue("http://localhost:8090/afterpay/checkout?token={token}") String shopperCheckoutUrl,
    @DefaultValue("PT60S") Duration orderWait,
    Duration shopperReturnWait,
    @DefaultValue("PT60S") Duration operationWait) {

  public AfterpayFlowProperties {
    shopperReturnWait =
        shopperReturnWait == null ? AfterpayTimeouts.DOCUMENTED.shopperDecision() : shopperReturnWait;
  }
}
