package org.financingorchestrator.workflows.chargeafter;

import java.math.BigDecimal;

/** One cart line. Amounts in the send-link's currency, exact. */
public record ChargeAfterItem(
    String name,
    BigDecimal price,
    String sku,
    long quantity,
    Boolean leasable,
    String productCategory,
    ChargeAfterWarranty warranty) {}
