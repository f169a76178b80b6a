package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/**
 * A return at the till: the customer (looked up as for a purchase), which of their purchases
 * ({@code transactionId}, as the customer's transactions list it) and how much of it.
 */
public record FlexitiReturnRequest(
    String merchantReference, FlexitiCustomerKey customer, String transactionId, Money amount, String language) {}
