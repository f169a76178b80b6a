package org.financingorchestrator.workflows.afterpay;

import org.financingorchestrator.workflows.common.AfterSale;
import org.financingorchestrator.workflows.common.ShopperRedirect;

/**
 * What a checkout continued as new in its after-sale window carries into the next run: the
 * Afterpay order (a repeated start still answers its token), the shopper's redirect (a late or
 * repeated return still lands where it did) and the after-sale itself (refund ledger, window).
 */
public record AfterpayContinuation(AfterpayOrder order, ShopperRedirect redirect, AfterSale.Carry afterSale) {}
