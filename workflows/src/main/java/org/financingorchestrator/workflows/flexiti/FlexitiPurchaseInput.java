package org.financingorchestrator.workflows.flexiti;

import java.time.Duration;

/**
 * What a purchase flow starts with: the request, the merchant that asked, and how long it waits
 * for the clerk's verification code and for the customer's answer to the terms.
 */
public record FlexitiPurchaseInput(
    FlexitiPurchaseRequest request, String merchantId, Duration verificationWait, Duration confirmationWait) {}
