package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowState;

/**
 * What the clerk's screen shows of a purchase: where it stands, the terms once posted, the
 * transaction id, why it ended when it did, and how many more codes the clerk may enter. No
 * personal data, no codes.
 */
public record FlexitiPurchaseAnswer(
    String flowId,
    FlowState state,
    FlexitiTerms terms,
    String transactionId,
    Integer verificationAttemptsLeft,
    FlowFailure failure) {}
