package org.financingorchestrator.workflows.chargeafter;

import java.math.BigDecimal;

/** A cart line's warranty; its price counts once per line, whatever the quantity. */
public record ChargeAfterWarranty(String name, BigDecimal price, String sku) {}
