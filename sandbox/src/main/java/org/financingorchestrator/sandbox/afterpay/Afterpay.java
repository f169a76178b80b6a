package org.financingorchestrator.sandbox.afterpay;

/** The simulated Afterpay's name in the ledger and fault rules, and where it is mounted. */
final class Afterpay {

  static final String PROVIDER = "afterpay";
  static final String PATH_PREFIX = "/afterpay";

  private Afterpay() {}
}
