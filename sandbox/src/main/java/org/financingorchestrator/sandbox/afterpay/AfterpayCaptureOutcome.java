package org.financingorchestrator.sandbox.afterpay;

/** What the capture after a shopper's approval will answer; scripted by tests at approval. */
enum AfterpayCaptureOutcome {
  APPROVED,
  DECLINED
}
