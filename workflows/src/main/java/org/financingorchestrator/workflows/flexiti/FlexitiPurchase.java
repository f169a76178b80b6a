package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/** One of a customer's purchases as Flexiti lists them: its id, status and what is left of it. */
public record FlexitiPurchase(String transactionId, String status, Money balance, String planName) {}
