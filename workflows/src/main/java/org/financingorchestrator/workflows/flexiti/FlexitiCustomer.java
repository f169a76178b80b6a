package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/** The account a look-up found: Flexiti's ids and the open-to-buy. No personal data. */
public record FlexitiCustomer(String customerId, String accountNumber, Money availableCredit) {}
