package org.financingorchestrator.workflows.flexiti;

import org.financingorchestrator.workflows.common.Money;

/** POST /apply. Personal data: toString masks it. */
public record FlexitiApplyCall(Money amountRequested, FlexitiApplicant applicant, String language, boolean tosAgreement) {

  @Override
  public String toString() {
    return "FlexitiApplyCall[amountRequested=" + amountRequested + ", applicant=" + applicant + ", language=" + language + "]";
  }
}
