package org.financingorchestrator.workflows.chargeafter;

import java.math.BigDecimal;

/** A cart discount; one without an amount is left out of the cart (the document asks so). */
public record ChargeAfterDiscount(String name, BigDecimal amount) {}
