package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/** POST /transactions with transaction_type return, against one of the customer's purchases. */
public record FlexitiReturnCall(String customerId, String purchaseTransactionId, Money amount, String language) {}
