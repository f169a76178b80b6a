package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowState;

/** Where a return stands: REFUNDED with Flexiti's return transaction id, or why not. */
public record FlexitiReturnAnswer(String flowId, FlowState state, String returnTransactionId, FlowFailure failure) {}
