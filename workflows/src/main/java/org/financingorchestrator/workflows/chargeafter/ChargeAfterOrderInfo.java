package org.financingorchestrator.workflows.chargeafter;

import java.math.BigDecimal;

/** A checkout's amounts as ChargeAfter reports them after the consumer finished. */
public record ChargeAfterOrderInfo(BigDecimal totalAmount, BigDecimal taxAmount, BigDecimal shippingAmount) {}
