package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/**
 * A point-of-sale purchase on a Flexiti account, as the merchant's clerk asks for it. {@code planId}
 * and {@code term} are the promotion (both null for a regular purchase); {@code language} is
 * Flexiti's lang ("en" or "fr"). The customer key and the security answer are personal data:
 * toString masks them.
 */
public record FlexitiPurchaseRequest(
    String merchantReference,
    Money amount,
    FlexitiCustomerKey customer,
    FlexitiVerificationFormat verification,
    String securityQid,
    String securityAnswer,
    String planId,
    Integer term,
    boolean holdAuthorization,
    String language) {

  @Override
  public String toString() {
    return "FlexitiPurchaseRequest[merchantReference=" + merchantReference + ", amount=" + amount
        + ", customer=" + customer + ", verification=" + verification + ", securityQid=" + securityQid
        + ", securityAnswer=" + FlexitiSecrets.mask(securityAnswer) + ", planId=" + planId + ", term=" + term
        + ", holdAuthorization=" + holdAuthorization + ", language=" + language + "]";
  }
}
