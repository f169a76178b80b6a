package org.financingorchestrator.workflows.flexiti;

/** POST /customers/{customer_id}/verify. The security answer is a secret: toString masks it. */
public record FlexitiVerifyCall(
    String customerId, FlexitiVerificationFormat format, String securityQid, String securityAnswer, String language) {

  @Override
  public String toString() {
    return "FlexitiVerifyCall[customerId=" + customerId + ", format=" + format + ", securityQid=" + securityQid
        + ", securityAnswer=" + FlexitiSecrets.mask(securityAnswer) + ", language=" + language + "]";
  }
}
