package org.financingorchestrator.workflows.common;

/**
 * Where a financing flow stands. Shared by every provider so that merchants and operators read
 * one vocabulary; each provider's workflow uses the subset its API has.
 */
public enum FlowState {
  /** Accepted; nothing created at the provider yet. */
  STARTED,
  /** The provider's order/checkout exists; waiting for the shopper to finish with the provider. */
  AWAITING_SHOPPER,
  /** The shopper came back; the payment is being captured. */
  CAPTURING,
  CAPTURED,
  PARTIALLY_REFUNDED,
  REFUNDED,
  /** The provider declined the shopper or the payment. */
  DECLINED,
  /** The shopper cancelled at the provider. */
  CANCELLED,
  /** The shopper did not come back before the provider's order expired. */
  EXPIRED,
  /** Something else ended the flow; the failure says what. */
  FAILED,
  /**
   * Approved for credit: the consumer by the lender (ChargeAfter send-link; no payment is taken by
   * the flow), or a credit application with its account open (Flexiti).
   */
  APPROVED,
  /** The lender has not decided yet and will later, outside the flow (ChargeAfter send-link). */
  PENDING,
  /** Flexiti: a code was sent to the customer (sms, email); waiting for the clerk to enter it. */
  AWAITING_VERIFICATION,
  /** Flexiti: the purchase is posted and confirmed on the customer's account. */
  POSTED,
  /** The shopper confirmed; the provider is asked to authorize the loan (Affirm). */
  AUTHORIZING,
  /** The provider authorized the amount; waiting for the merchant to capture or void it (Affirm). */
  AUTHORIZED,
  /** The merchant voided the authorization before capture (Affirm). */
  VOIDED;

  public boolean endedWithoutPayment() {
    return this == DECLINED || this == CANCELLED || this == EXPIRED || this == FAILED;
  }

  public boolean isPaid() {
    return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }
}
