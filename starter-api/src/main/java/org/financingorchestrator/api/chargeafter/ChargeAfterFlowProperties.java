package org.financingorchestrator.api.chargeafter;

import java.time.Duration;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterWaits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this app starts and waits for ChargeAfter send-links (flows.chargeafter.*).
 *
 * @param taskQueue where the worker polls for send-links (default: the workflow's own)
 * @param linkWait how long a new send-link waits for ChargeAfter's statusTrackingId
 * @param postbackWait how long a flow waits for the final postback before asking the status request
 * @param firstStatusPoll the first pause between status requests (it doubles up to maxStatusPoll)
 * @param deadline how long after the link is sent a flow gives up (EXPIRED)
 * @param postbackAnswerWait how long a postback waits for its flow to take it (then 504: ChargeAfter
 *     may send it again, and a repeat changes nothing)
 */
@ConfigurationProperties("flows.chargeafter")
public record ChargeAfterFlowProperties(
    @DefaultValue(ChargeAfterSendLinkWorkflow.TASK_QUEUE) String taskQueue,
    @DefaultValue("PT60S") Duration linkWait,
    @DefaultValue("PT30M") Duration postbackWait,
    @DefaultValue("PT1M") Duration firstStatusPoll,
    @DefaultValue("PT1H") Duration maxStatusPoll,
    @DefaultValue("P3D") Duration deadline,
    @DefaultValue("PT10S") Duration postbackAnswerWait) {

  ChargeAfterWaits waits() {
    return new ChargeAfterWaits(postbackWait, firstStatusPoll, maxStatusPoll, deadline);
  }
}
