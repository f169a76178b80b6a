package org.financingorchestrator.workflows.afterpay;

import java.time.Instant;
import org.financingorchestrator.workflows.common.FlowState;

/**
 * What the start answers the merchant: Afterpay's order token and its expiry, and the flow's
 * state when the answer was given (a repeated start may find the flow captured already), so that
 * no status Query has to follow the start.
 */
public record AfterpayOrderCreated(String token, Instant expires, FlowState state) {}
