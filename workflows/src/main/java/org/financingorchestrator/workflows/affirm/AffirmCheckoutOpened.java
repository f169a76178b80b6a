package org.financingorchestrator.workflows.affirm;

import org.financingorchestrator.workflows.common.FlowState;

/** What the start answers: the flow's state (a repeated start may find it authorized already). */
public record AffirmCheckoutOpened(FlowState state) {}
