package org.financingorchestrator.workflows.chargeafter;

/** Why a session did not end approved: one of the documented codes and its message. */
public record ChargeAfterError(String code, String message) {}
