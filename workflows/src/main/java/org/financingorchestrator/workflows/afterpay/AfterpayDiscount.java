package org.financingorchestrator.workflows.afterpay;

import org.financingorchestrator.workflows.common.Money;

/** Afterpay's Discount object. */
public record AfterpayDiscount(String displayName, Money amount) {}
