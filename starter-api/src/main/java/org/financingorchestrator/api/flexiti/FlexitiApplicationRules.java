package org.financingorchestrator.api.flexiti;

import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicant;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicationRequest;

/** What a Flexiti application must be beyond each field's own form, and its mapping to the flow's request. */
final class FlexitiApplicationRules {

  private FlexitiApplicationRules() {}

  static List<FieldProblem> application(FlexitiApplicationBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    FlexitiRules.amount(problems, "amountRequested", body.amountRequested());
    if (Boolean.FALSE.equals(body.tosAgreement())) {
      problems.add(new FieldProblem("tosAgreement", "must be true: the applicant accepts Flexiti's terms and conditions"));
    }
    FlexitiApplicationBody.Applicant a = body.applicant();
    if (a != null) {
      if (FlexitiApplicant.QUEBEC.equals(a.province()) && a.monthlyHousingExpenses() == null) {
        problems.add(new FieldProblem("applicant.monthlyHousingExpenses", "is required for Quebec applicants"));
      }
      if (a.dob() != null && a.dob().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") && !isDate(a.dob())) {
        problems.add(new FieldProblem("applicant.dob", "must be a date"));
      }
    }
    return problems;
  }

  static FlexitiApplicationRequest request(FlexitiApplicationBody body) {
    FlexitiApplicationBody.Applicant a = body.applicant();
    FlexitiApplicant applicant = new FlexitiApplicant(
        a.salutation(), a.firstName(), a.middleName(), a.lastName(), a.dob(), a.phoneNumber(), a.email(), a.address1(),
        a.address2(), a.city(), a.province(), a.postalCode().replace(" ", "").toUpperCase(java.util.Locale.ROOT),
        a.govidType(), a.govidIssuedBy(), a.govidNumber(), a.govidExpiry(), a.personalIncome(), a.householdIncome(),
        a.monthlyHousingExpenses(), a.housingType(), a.occupationId(), a.occupationTitle(), a.employerName(),
        a.employerPhone(), a.sin(), a.securityQid(), a.securityAnswer(), a.piw());
    Money amount = body.amountRequested().toMoney();
    return new FlexitiApplicationRequest(
        body.merchantReference(), amount, applicant, body.language() == null ? "en" : body.language(), body.tosAgreement());
  }

  private static boolean isDate(String text) {
    return FlexitiRules.isDate(text);
  }
}
