package org.financingorchestrator.api.chargeafter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.TextRule;

/**
 * ChargeAfter's rules that span fields, checked before anything is sent: the checkout flow needs
 * cartDetails; sendUsing email needs the consumer's email; tags hold primitive values; and the
 * cart adds up: Σ(price × quantity) + each line's warranty once + taxAmount + shippingAmount −
 * Σ discounts = totalAmount (the document's own sample: 2 × 1999 + 100 + 199 + 19 − 20 = 4296).
 * Discounts without an amount are left out, so they count nothing. Each rule looks only at fields
 * that passed their own checks.
 */
final class ChargeAfterRules {

  private ChargeAfterRules() {}

  static List<FieldProblem> sendLink(ChargeAfterSendLinkBody body) {
    List<FieldProblem> problems = new ArrayList<>();
    if ("checkout".equals(body.flow()) && body.cartDetails() == null) {
      problems.add(new FieldProblem("cartDetails", "is required for the checkout flow"));
    }
    if ("email".equals(body.sendUsing())
        && (body.consumerDetails() == null || body.consumerDetails().email() == null || body.consumerDetails().email().isBlank())) {
      problems.add(new FieldProblem("consumerDetails.email", "is required when sendUsing is email"));
    }
    tags(problems, body.tags());
    if (body.cartDetails() != null) {
      cartAddsUp(problems, body.cartDetails());
    }
    return problems;
  }

  private static void tags(List<FieldProblem> problems, Map<String, Object> tags) {
    if (tags == null) {
      return;
    }
    tags.forEach(
        (name, value) -> {
          if (name.isEmpty() || name.length() > 64) {
            problems.add(new FieldProblem("tags", "names must be 1 to 64 characters"));
          } else if (!(value == null || value instanceof String text && text.length() <= 255 && TextRule.isPlain(text) || value instanceof Number || value instanceof Boolean)) {
            problems.add(new FieldProblem("tags." + name, "must be a string (up to 255 characters), number, boolean or null"));
          }
        });
  }

  private static void cartAddsUp(List<FieldProblem> problems, ChargeAfterCartBody cart) {
    if (cart.items() == null || cart.totalAmount() == null || !exact(cart.totalAmount())) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (ChargeAfterItemBody item : cart.items()) {
      if (item == null || item.price() == null || item.quantity() == null || !exact(item.price())) {
        return;
      }
      sum = sum.add(item.price().multiply(BigDecimal.valueOf(item.quantity())));
      if (item.warranty() != null) {
        if (item.warranty().price() == null || !exact(item.warranty().price())) {
          return;
        }
        // Once per line, as the document's sample counts it.
        sum = sum.add(item.warranty().price());
      }
    }
    for (ChargeAfterDiscountBody discount : cart.discounts() == null ? List.<ChargeAfterDiscountBody>of() : cart.discounts()) {
      if (discount != null && discount.amount() != null) {
        if (!exact(discount.amount())) {
          return;
        }
        sum = sum.subtract(discount.amount());
      }
    }
    for (BigDecimal extra : new BigDecimal[] {cart.taxAmount(), cart.shippingAmount()}) {
      if (extra != null) {
        if (!exact(extra)) {
          return;
        }
        sum = sum.add(extra);
      }
    }
    if (sum.compareTo(cart.totalAmount()) != 0) {
      problems.add(
          new FieldProblem(
              "cartDetails.totalAmount",
              "must equal the items (price × quantity) + each line's warranty + taxAmount + shippingAmount − discounts, "
                  + plain(sum) + ", but is " + plain(cart.totalAmount())));
    }
  }

  /** An amount its own checks accept: not negative, at most two decimals. */
  private static boolean exact(BigDecimal amount) {
    return amount.signum() >= 0 && Math.max(amount.stripTrailingZeros().scale(), 0) <= 2;
  }

  private static String plain(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
