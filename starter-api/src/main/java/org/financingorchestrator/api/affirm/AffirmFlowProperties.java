package org.financingorchestrator.api.affirm;

import java.time.Duration;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.affirm.AffirmTimeouts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this app starts and waits for Affirm flows.
 *
 * @param taskQueue where the worker polls for Affirm checkouts (default: the workflow's own)
 * @param shopperWindow how long a flow waits for the shopper to confirm or cancel at Affirm
 * @param afterSaleWindow how long refunds and updates are served after capture
 * @param affirmJsCheckoutUrl informational: where the merchant's page (Affirm.js) opens the
 *     checkout; the local sandbox's stand-in for Affirm.js
 * @param startWait how long starting a checkout waits for the flow
 * @param shopperReturnWait how long the shopper's browser waits for the authorization decision;
 *     by default derived from the authorization's budget ({@link AffirmTimeouts#shopperDecision()})
 * @param operationWait how long a capture, void or update waits for Affirm's answer (then 202)
 */
@ConfigurationProperties("flows.affirm")
public record AffirmFlowProperties(
    @DefaultValue(AffirmCheckoutWorkflow.TASK_QUEUE) String taskQueue,
    @DefaultValue("PT3H") Duration shopperWindow,
    @DefaultValue("P120D") Duration afterSaleWindow,
    @DefaultValue("http://localhost:8090/affirm/js/checkout") String affirmJsCheckoutUrl,
    @DefaultValue("PT30S") Duration startWait,
    Duration shopperReturnWait,
    @DefaultValue("PT60S") Duration operationWait) {

  public AffirmFlowProperties {
    shopperReturnWait = shopperReturnWait == null ? AffirmTimeouts.DOCUMENTED.shopperDecision() : shopperReturnWait;
  }
}
