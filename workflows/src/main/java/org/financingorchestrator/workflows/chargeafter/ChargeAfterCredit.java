package org.financingorchestrator.workflows.chargeafter;

import java.math.BigDecimal;

/** One credit approval (informational): ChargeAfter writes the amount as a string ("5000"). */
public record ChargeAfterCredit(BigDecimal creditAmount, ChargeAfterLender lender) {}
