package org.financingorchestrator.workflows.flexiti;

/**
 * Flexiti's answer to a verification: the code itself (override, security question), or null when
 * it was sent to the customer (sms, email) and the clerk must enter it. The code is a secret:
 * toString masks it.
 */
public record FlexitiVerification(String code) {

  @Override
  public String toString() {
    return "FlexitiVerification[code=" + FlexitiSecrets.mask(code) + "]";
  }
}
