package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowState;

/**
 * What the clerk's screen shows of an application: where it stands, the account once approved
 * (with the Quebec debt ratio and offers), and why it ended when it did. No personal data.
 */
public record FlexitiApplicationAnswer(String flowId, FlowState state, FlexitiAccount account, FlowFailure failure) {}
