package org.financingorchestrator.workflows.chargeafter;

import java.util.List;
import org.financingorchestrator.workflows.common.FlowState;

/**
 * What the merchant needs from the consumer's session once it is known: the confirmation token
 * (checkout approved), the lender, credit, order info and consumer details ChargeAfter reported,
 * or the error. Answered only to the merchant that owns the flow, never in its status.
 *
 * @param decidedBy {@code postback} or {@code status_request}; null while undecided
 */
public record ChargeAfterOutcome(
    FlowState state,
    String statusTrackingId,
    String token,
    String applicationId,
    String consumerId,
    ChargeAfterLender lender,
    List<ChargeAfterCredit> availableCredit,
    ChargeAfterOrderInfo orderInfo,
    ChargeAfterConsumer consumerDetails,
    ChargeAfterError error,
    String decidedBy) {}
