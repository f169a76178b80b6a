package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Afterpay's Item object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayItem(String name, String sku, Long quantity, AfterpayMoney price) {}
