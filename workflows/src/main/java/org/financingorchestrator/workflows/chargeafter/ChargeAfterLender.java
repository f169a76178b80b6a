package org.financingorchestrator.workflows.chargeafter;

/** The lender behind a financing option. */
public record ChargeAfterLender(String name, String id) {}
