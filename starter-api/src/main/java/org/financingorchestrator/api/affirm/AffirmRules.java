package org.financingorchestrator.api.affirm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.MoneyBody;
import org.financingorchestrator.api.common.RefundBody;

/**
 * Affirm's rules that span fields: US only, so every amount is in USD; a total above zero; each
 * discount code once (Affirm's checkout keys discounts by code). Items need not add up to the
 * total: Affirm authorizes the checkout's total, and the flow checks the authorized amount.
 */
final class AffirmRules {

  static final String CURRENCY = "USD";
  private static final String USD_ONLY = "must be USD: Affirm's US API takes only USD";

  private AffirmRules() {}

  static List<FieldProblem> checkout(AffirmCheckoutBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    usd(problems, "total", body.total());
    usd(problems, "taxAmount", body.taxAmount());
    usd(problems, "shippingAmount", body.shippingAmount());
    List<AffirmItemBody> items = body.items() == null ? List.of() : body.items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) != null) {
        usd(problems, "items[" + i + "].unitPrice", items.get(i).unitPrice());
      }
    }
    List<AffirmDiscountBody> discounts = body.discounts() == null ? List.of() : body.discounts();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < discounts.size(); i++) {
      AffirmDiscountBody discount = discounts.get(i);
      if (discount != null) {
        usd(problems, "discounts[" + i + "].amount", discount.amount());
        if (discount.code() != null && !codes.add(discount.code())) {
          problems.add(new FieldProblem("discounts[" + i + "].code", "is given twice"));
        }
      }
    }
    positive(problems, "total", body.total());
    return problems;
  }

  static List<FieldProblem> capture(AffirmCaptureBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    usd(problems, "amount", body.amount());
    positive(problems, "amount", body.amount());
    return problems;
  }

  static List<FieldProblem> update(AffirmUpdateBody body) {
    return body.orderId() == null && body.shippingCarrier() == null && body.shippingConfirmation() == null
        ? List.of(new FieldProblem("$", "give at least one of orderId, shippingCarrier, shippingConfirmation"))
        : List.of();
  }

  static List<FieldProblem> refund(RefundBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    usd(problems, "amount", body.amount());
    positive(problems, "amount", body.amount());
    return problems;
  }

  private static void usd(List<FieldProblem> problems, String path, MoneyBody money) {
    if (money != null && money.currency() != null && money.currency().matches("[A-Z]{3}") && !CURRENCY.equals(money.currency())) {
      problems.add(new FieldProblem(path + ".currency", USD_ONLY));
    }
  }

  private static void positive(List<FieldProblem> problems, String path, MoneyBody money) {
    if (money != null && money.isComplete() && money.amount().signum() == 0) {
      problems.add(new FieldProblem(path + ".amount", "must be greater than 0"));
    }
  }
}
