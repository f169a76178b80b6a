package org.financingorchestrator.sandbox.chargeafter;

/** The simulated ChargeAfter's name in the ledger and fault rules, and where it is mounted. */
final class ChargeAfter {

  static final String PROVIDER = "chargeafter";
  static final String PATH_PREFIX = "/chargeafter";
  static final String SEND_LINK = "sendLink";
  static final String STATUS = "status";

  private ChargeAfter() {}
}
