package org.financingorchestrator.api.flexiti;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.api.common.FieldProblem;

/** What a Flexiti purchase must be beyond each field's own form. */
final class FlexitiRules {

  static final String CURRENCY = "CAD";

  private FlexitiRules() {}

  static List<FieldProblem> purchase(FlexitiPurchaseBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    amount(problems, "amount", body.amount());
    customer(problems, body.customer());
    FlexitiPurchaseBody.Verification verification = body.verification();
    if (verification != null && "security_question".equals(verification.format())
        && (verification.securityQid() == null || verification.securityAnswer() == null)) {
      problems.add(new FieldProblem("verification", "security_question needs securityQid and securityAnswer"));
    }
    if (verification != null && !"security_question".equals(verification.format())
        && (verification.securityQid() != null || verification.securityAnswer() != null)) {
      problems.add(new FieldProblem("verification", "securityQid and securityAnswer go with security_question only"));
    }
    if ((body.planId() == null) != (body.term() == null)) {
      problems.add(new FieldProblem("term", "planId and term go together (both absent for a regular purchase)"));
    }
    if (body.term() != null && (body.term() < 1 || body.term() > 120)) {
      problems.add(new FieldProblem("term", "must be a number of months from 1 to 120"));
    }
    return problems;
  }

  static List<FieldProblem> returnOf(FlexitiReturnBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    amount(problems, "amount", body.amount());
    customer(problems, body.customer());
    return problems;
  }

  /** Canadian dollars, more than zero. */
  static void amount(List<FieldProblem> problems, String field, org.financingorchestrator.api.common.MoneyBody amount) {
    if (amount != null && amount.isComplete()) {
      if (!CURRENCY.equals(amount.currency())) {
        problems.add(new FieldProblem(field + ".currency", "must be CAD: Flexiti lends in Canadian dollars"));
      }
      if (amount.amount().signum() <= 0) {
        problems.add(new FieldProblem(field + ".amount", "must be more than zero"));
      }
    }
  }

  private static void customer(List<FieldProblem> problems, FlexitiPurchaseBody.Customer customer) {
    if (customer != null) {
      int ways = (customer.vccNumber() != null ? 1 : 0) + (customer.accountNumber() != null ? 1 : 0)
          + (customer.firstName() != null || customer.lastName() != null || customer.dob() != null || customer.postalCode() != null ? 1 : 0);
      if (ways != 1) {
        problems.add(new FieldProblem("customer",
            "must name the customer one way: vccNumber, accountNumber, or firstName, lastName, dob and postalCode"));
      } else if (customer.vccNumber() == null && customer.accountNumber() == null) {
        requireAll(problems, customer);
      }
      if (customer.dob() != null && customer.dob().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") && !isDate(customer.dob())) {
        problems.add(new FieldProblem("customer.dob", "must be a date"));
      }
    }
  }

  private static void requireAll(List<FieldProblem> problems, FlexitiPurchaseBody.Customer customer) {
    if (customer.firstName() == null) {
      problems.add(new FieldProblem("customer.firstName", "is required with lastName, dob and postalCode"));
    }
    if (customer.lastName() == null) {
      problems.add(new FieldProblem("customer.lastName", "is required with firstName, dob and postalCode"));
    }
    if (customer.dob() == null) {
      problems.add(new FieldProblem("customer.dob", "is required with firstName, lastName and postalCode"));
    }
    if (customer.postalCode() == null) {
      problems.add(new FieldProblem("customer.postalCode", "is required with firstName, lastName and dob"));
    }
  }

  static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
