package org.financingorchestrator.api.common;

import org.financingorchestrator.workflows.common.Money;

/**
 * What starting any provider's flow needs: its id and type, where it runs, what the memo and the
 * UI show before a worker picks it up, and the workflow's input. {@code title} names the flow in
 * words ("Afterpay checkout") and {@code purpose} says what it does, for the Temporal UI's summary
 * and details ({@link FlowStaticText}): no personal data, no secret.
 */
public record FlowStart(
    String flowId,
    String workflowType,
    String taskQueue,
    String provider,
    String merchantId,
    String merchantReference,
    Money orderAmount,
    String title,
    String purpose,
    Object input) {}
