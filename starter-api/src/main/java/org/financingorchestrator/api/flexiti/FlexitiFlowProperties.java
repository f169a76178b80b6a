package org.financingorchestrator.api.flexiti;

import java.time.Duration;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this app starts and waits for Flexiti flows.
 *
 * @param taskQueue where the worker polls for Flexiti flows (default: the workflow's own)
 * @param verificationWait how long a purchase waits for the clerk to enter the code sent by sms or email
 * @param confirmationWait how long a purchase waits for the customer's answer to the terms
 * @param startWait how long starting a purchase waits for the flow to reach the clerk (look-up, verification, post)
 * @param operationWait how long a clerk's input waits for the flow's answer
 * @param decisionWait how long a Quebec application waits for the applicant to accept before the account is closed
 */
@ConfigurationProperties("flows.flexiti")
public record FlexitiFlowProperties(
    @DefaultValue(FlexitiPurchaseWorkflow.TASK_QUEUE) String taskQueue,
    @DefaultValue("PT10M") Duration verificationWait,
    @DefaultValue("PT15M") Duration confirmationWait,
    @DefaultValue("PT60S") Duration startWait,
    @DefaultValue("PT60S") Duration operationWait,
    @DefaultValue("PT30M") Duration decisionWait) {}
