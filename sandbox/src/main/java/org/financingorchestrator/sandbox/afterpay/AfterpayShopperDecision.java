package org.financingorchestrator.sandbox.afterpay;

/**
 * The shopper's answer on Afterpay's pages, with the status Afterpay appends to the merchant's URL
 * and which of the two URLs it sends the shopper to.
 */
enum AfterpayShopperDecision {
  APPROVED("SUCCESS", true, AfterpayEffect.SHOPPER_APPROVED),
  CANCELLED("CANCELLED", false, AfterpayEffect.SHOPPER_CANCELLED),
  DECLINED("FAILURE", false, AfterpayEffect.SHOPPER_DECLINED);

  private final String redirectStatus;
  private final boolean toConfirmUrl;
  private final AfterpayEffect effect;

  AfterpayShopperDecision(String redirectStatus, boolean toConfirmUrl, AfterpayEffect effect) {
    this.redirectStatus = redirectStatus;
    this.toConfirmUrl = toConfirmUrl;
    this.effect = effect;
  }

  String redirectStatus() {
    return redirectStatus;
  }

  boolean toConfirmUrl() {
    return toConfirmUrl;
  }

  AfterpayEffect effect() {
    return effect;
  }
}
