package org.financingorchestrator.workflows.afterpay;

import org.financingorchestrator.workflows.common.ShopperRedirect;

/**
 * What the API asks a checkout when a shopper's return was answered without a decision, or when
 * it cannot send the return straight away, so that a repeated return writes nothing to the flow's
 * history.
 *
 * @param orderToken the flow's Afterpay order token; null before the order exists
 * @param round how many returns the flow has answered without deciding (a capture refused with
 *     invalid_token before expiry): returns of one round are one Update
 * @param decided where the flow sent the shopper, once it has decided (or ended without a
 *     decision); null while a return would still be acted on
 * @param undecidedReturnId the {@link AfterpayShopperReturn#returnId} of the return the last
 *     undecided round acted on; null before any
 */
public record AfterpayReturnRound(String orderToken, int round, ShopperRedirect decided, String undecidedReturnId) {

  public AfterpayReturnRound(String orderToken, int round, ShopperRedirect decided) {
    this(orderToken, round, decided, null);
  }
}
