package org.financingorchestrator.workflows.chargeafter;

/**
 * What ChargeAfter is given to reach this flow: starter-api's postback endpoints, its redirect
 * endpoints (signed, forwarding the consumer to the merchant's pages) and the postback key, an
 * HMAC of the flow id that the API checks without storing it. Never printed whole.
 */
public record ChargeAfterCallbacks(
    String finalPostbackUrl,
    String dataUpdatePostbackUrl,
    String redirectOnSuccessUrl,
    String redirectOnFailureUrl,
    String postbackAuthKey) {

  @Override
  public String toString() {
    return "ChargeAfterCallbacks[finalPostbackUrl=" + finalPostbackUrl + ", postbackAuthKey=****]";
  }
}
