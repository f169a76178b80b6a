package org.financingorchestrator.workflows.affirm;

import org.financingorchestrator.workflows.common.AfterSale;
import org.financingorchestrator.workflows.common.ShopperRedirect;

/**
 * What an Affirm checkout continued as new in its after-sale window carries into the next run: the
 * charge (refunds and updates name it), the shopper's redirect (a repeated callback still lands
 * where it did) and the after-sale itself (refund ledger, window). Never the checkout token.
 */
public record AffirmContinuation(AffirmCharge charge, ShopperRedirect redirect, AfterSale.Carry afterSale) {}
