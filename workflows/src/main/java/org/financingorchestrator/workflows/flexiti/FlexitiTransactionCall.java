package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/**
 * POST /transactions (customer_confirmed=false, no transaction id) and the PUT that confirms it
 * (the same fields, the transaction id, customer_confirmed=true). The verification code is a
 * secret: toString masks it.
 */
public record FlexitiTransactionCall(
    String customerId,
    Money amount,
    String planId,
    Integer term,
    String verificationCode,
    boolean holdAuthorization,
    String transactionId,
    String language) {

  /** The PUT that confirms the posted transaction: the POST's fields with its id. */
  public FlexitiTransactionCall confirming(String postedTransactionId) {
    return new FlexitiTransactionCall(
        customerId, amount, planId, term, verificationCode, holdAuthorization, postedTransactionId, language);
  }

  public boolean customerConfirmed() {
    return transactionId != null;
  }

  @Override
  public String toString() {
    return "FlexitiTransactionCall[customerId=" + customerId + ", amount=" + amount + ", planId=" + planId
        + ", term=" + term + ", verificationCode=" + FlexitiSecrets.mask(verificationCode)
        + ", holdAuthorization=" + holdAuthorization + ", transactionId=" + transactionId + ", language=" + language + "]";
  }
}
