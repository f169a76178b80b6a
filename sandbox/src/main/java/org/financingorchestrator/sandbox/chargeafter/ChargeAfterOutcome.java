package org.financingorchestrator.sandbox.chargeafter;

/**
 * The consumer's end of a session and the error it reports (the documents' codes and wording).
 * The document names no code for a consumer no lender approved; this sandbox reports it as
 * GENERAL with a message saying so.
 */
enum ChargeAfterOutcome {
  APPROVE("CONSUMER_APPROVED", null, null),
  DECLINE("CONSUMER_DECLINED", "GENERAL", "The consumer was not approved by any lender"),
  BACK_TO_STORE("CONSUMER_BACK_TO_STORE", "BACK_TO_STORE", "Consumer clicked the Back to Store button"),
  CANCEL("CONSUMER_CANCELLED", "CONSUMER_CANCELLED", "Consumer intentionally closed the Checkout UI"),
  PENDING("CONSUMER_PENDING", "PENDING", "Application is pending");

  /** Every code either document names, which a decline may be scripted to report instead. */
  static final java.util.Map<String, String> DOCUMENTED_CODES =
      java.util.Map.of(
          "BACK_TO_STORE", "Consumer clicked the Back to Store button",
          "CONSUMER_CANCELLED", "Consumer intentionally closed the Checkout UI",
          "CREATE_SESSION_FAILED", "Checkout creation or merchant settings fetch failed",
          "CREATE_CHECKOUT_FAILED", "Checkout creation or merchant settings fetch failed",
          "BILLING_SHIPPING_MISMATCH", "Billing and shipping address must be the same",
          "MISSING_CHECKOUT_DATA", "Some of the required data is missing",
          "GENERAL", "The consumer was not approved by any lender",
          "PENDING", "Application is pending");

  /** The ledger entry's type. */
  final String ledgerType;
  final String code;
  final String message;

  ChargeAfterOutcome(String ledgerType, String code, String message) {
    this.ledgerType = ledgerType;
    this.code = code;
    this.message = message;
  }
}
