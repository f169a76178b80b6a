package org.financingorchestrator.workflows.chargeafter;

/**
 * The status request's answer: whether the session has ended and, when it has, the same fields
 * as its final postback.
 */
public record ChargeAfterSessionStatus(boolean ended, ChargeAfterPostback result) {}
