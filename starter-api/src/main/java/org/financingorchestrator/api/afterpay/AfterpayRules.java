package org.financingorchestrator.api.afterpay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.RefundBody;
import org.financingorchestrator.api.common.MoneyBody;
import org.financingorchestrator.api.common.MoneyRules;

/**
 * Afterpay's rules that span fields: US only, so every amount is in USD; a total above zero; and
 * items, when given, that add up to the total the shopper is charged. Each rule looks only at
 * fields that passed their own checks, so a field is never reported twice.
 */
final class AfterpayRules {

  static final String CURRENCY = "USD";
  private static final String USD_ONLY = "must be USD: Afterpay's US API accepts only USD";

  private AfterpayRules() {}

  static List<FieldProblem> checkout(AfterpayCheckoutBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    usd(problems, "totalAmount", body.totalAmount());
    usd(problems, "taxAmount", body.taxAmount());
    usd(problems, "shippingAmount", body.shippingAmount());
    List<ItemBody> items = body.items() == null ? List.of() : body.items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) != null) {
        usd(problems, "items[" + i + "].price", items.get(i).price());
      }
    }
    List<DiscountBody> discounts = body.discounts() == null ? List.of() : body.discounts();
    for (int i = 0; i < discounts.size(); i++) {
      if (discounts.get(i) != null) {
        usd(problems, "discounts[" + i + "].amount", discounts.get(i).amount());
      }
    }
    MoneyRules.positive(problems, "totalAmount", body.totalAmount());
    if (problems.isEmpty()) {
      itemsAddUp(problems, body, items, discounts);
    }
    return problems;
  }

  static List<FieldProblem> refund(RefundBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    usd(problems, "amount", body.amount());
    MoneyRules.positive(problems, "amount", body.amount());
    return problems;
  }

  static List<FieldProblem> courier(CourierBody body) {
    return body.isEmpty()
        ? List.of(new FieldProblem("$", "give at least one of shippedAt, name, tracking, priority"))
        : List.of();
  }

  /**
   * sum(price × quantity) − sum(discounts) + taxAmount + shippingAmount must equal totalAmount,
   * as in Afterpay's own example (10.00 − 1.00 + 2.85 + 10.00 = 21.85).
   */
  private static void itemsAddUp(
      List<FieldProblem> problems, AfterpayCheckoutBody body, List<ItemBody> items, List<DiscountBody> discounts) {
    if (items.isEmpty() || body.totalAmount() == null || !body.totalAmount().isComplete()) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (ItemBody item : items) {
      if (item == null || item.quantity() == null || item.price() == null || !item.price().isComplete()) {
        return;
      }
      sum = sum.add(item.price().amount().multiply(BigDecimal.valueOf(item.quantity())));
    }
    for (DiscountBody discount : discounts) {
      if (discount == null || discount.amount() == null || !discount.amount().isComplete()) {
        return;
      }
      sum = sum.subtract(discount.amount().amount());
    }
    for (MoneyBody extra : new MoneyBody[] {body.taxAmount(), body.shippingAmount()}) {
      if (extra != null) {
        if (!extra.isComplete()) {
          return;
        }
        sum = sum.add(extra.amount());
      }
    }
    BigDecimal total = body.totalAmount().amount();
    if (sum.compareTo(total) != 0) {
      problems.add(
          new FieldProblem(
              "items",
              "add up to " + CURRENCY + " " + plain(sum)
                  + " (sum of price × quantity − discounts + taxAmount + shippingAmount)"
                  + " but totalAmount is " + CURRENCY + " " + plain(total)));
    }
  }

  private static void usd(List<FieldProblem> problems, String path, MoneyBody money) {
    MoneyRules.currency(problems, path, money, CURRENCY, USD_ONLY);
  }

  private static String plain(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
