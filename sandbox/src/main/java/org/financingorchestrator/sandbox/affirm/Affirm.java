package org.financingorchestrator.sandbox.affirm;

/** The simulated Affirm's name in the ledger and fault rules, and where it is mounted. */
final class Affirm {

  static final String PROVIDER = "affirm";
  static final String PATH_PREFIX = "/affirm";
  /** The message Affirm's document gives for every authorization failure. */
  static final String AUTHORIZATION_MESSAGE =
      "There was an issue authorizing your Affirm loan. Please check out again or use a different payment method.";

  private Affirm() {}
}
