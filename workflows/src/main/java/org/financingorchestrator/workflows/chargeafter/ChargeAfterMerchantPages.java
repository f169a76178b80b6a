package org.financingorchestrator.workflows.chargeafter;

/** The merchant's own pages, where our redirect endpoints forward the consumer. */
public record ChargeAfterMerchantPages(String successUrl, String failureUrl) {}
