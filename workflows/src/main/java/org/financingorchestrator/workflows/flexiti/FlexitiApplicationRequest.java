package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/** A credit application at the till: the amount asked for, the applicant, their language, their agreement to the terms. */
public record FlexitiApplicationRequest(
    String merchantReference, Money amountRequested, FlexitiApplicant applicant, String language, boolean tosAgreement) {}
