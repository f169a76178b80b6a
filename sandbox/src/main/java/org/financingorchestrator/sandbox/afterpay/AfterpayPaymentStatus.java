package org.financingorchestrator.sandbox.afterpay;

/** A payment's status, the two values the document names. */
public enum AfterpayPaymentStatus {
  APPROVED,
  DECLINED
}
