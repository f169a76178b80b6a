package org.financingorchestrator.sandbox.chargeafter;

import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.OPTIONAL;
import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.REQUIRED;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.JsonField;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an omnichannel/send-link request as the document describes it and refuses it (400
 * INVALID_REQUEST, naming every field) when a rule breaks: channel, flow and sendUsing from their
 * lists; checkout needs cartDetails and finalPostbackURL; sendUsing email needs the consumer's
 * email; the cart adds up (items × quantity + each line's warranty once + tax + shipping − discounts
 * = totalAmount, the document's sample giving 4296); a discount has an amount.
 */
final class ChargeAfterSendLinkReader {

  static final Set<String> CHANNELS = Set.of("call_center", "in_store", "in_home", "e_commerce");
  static final Set<String> FLOWS = Set.of("apply", "checkout");
  static final Set<String> SEND_USING = Set.of("email", "redirectUrl");
  private static final int TEXT = 255;
  private static final int URL = 2048;

  private ChargeAfterSendLinkReader() {}

  static ChargeAfterSession read(JsonNode body) {
    FieldViolations v = new FieldViolations();
    JsonField root = JsonField.root(body);
    String channel = oneOf(v, root.get("channel"), CHANNELS);
    String flow = oneOf(v, root.get("flow"), FLOWS);
    String sendUsing = oneOf(v, root.get("sendUsing"), SEND_USING);
    JsonField consumer = v.object(root.get("consumerDetails"), OPTIONAL);
    if ("email".equals(sendUsing)) {
      String email = consumer == null ? null : v.text(consumer.get("email"), REQUIRED, TEXT);
      if (consumer == null) {
        v.add("consumerDetails.email", "is required when sendUsing is email");
      } else if (email != null && !email.contains("@")) {
        v.add(consumer.get("email"), "must be an email address");
      }
    }
    String finalUrl = url(v, root.get("finalPostbackURL"));
    String dataUrl = url(v, root.get("dataUpdatePostbackURL"));
    String successUrl = url(v, root.get("redirectOnSuccessURL"));
    String failureUrl = url(v, root.get("redirectOnFailureURL"));
    String authKey = v.text(root.get("postbackAuthKey"), OPTIONAL, TEXT);
    String currency = v.text(root.get("currency"), OPTIONAL, 3);
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      v.add(root.get("currency"), "must be an ISO 4217 code");
    }
    v.bool(root.get("createCharge"), OPTIONAL);
    v.object(root.get("tags"), OPTIONAL);
    JsonField cart = v.object(root.get("cartDetails"), "checkout".equals(flow) ? REQUIRED : OPTIONAL);
    if ("checkout".equals(flow) && !root.get("finalPostbackURL").present()) {
      v.add("finalPostbackURL", "is required for the checkout flow");
    }
    BigDecimal total = cart == null ? null : cartTotal(v, cart);
    if (!v.isEmpty()) {
      throw new SandboxApiException(400, "INVALID_REQUEST", v.summary());
    }
    return new ChargeAfterSession(
        UUID.randomUUID().toString(),
        flow,
        sendUsing,
        body.get("correlationId"),
        body.get("tags"),
        consumer == null ? null : consumer.value(),
        finalUrl,
        dataUrl,
        authKey,
        successUrl,
        failureUrl,
        currency == null ? "USD" : currency,
        cart == null ? null : cart.value(),
        total);
  }

  /** The total after checking that the cart adds up; null when a part is missing or wrong. */
  private static BigDecimal cartTotal(FieldViolations v, JsonField cart) {
    List<JsonField> items = v.array(cart.get("items"), REQUIRED);
    if (cart.get("items").present() && items.isEmpty() && cart.get("items").value().isArray()) {
      v.add(cart.get("items"), "must not be empty");
    }
    BigDecimal sum = BigDecimal.ZERO;
    boolean complete = true;
    for (JsonField item : items) {
      v.text(item.get("name"), REQUIRED, TEXT);
      BigDecimal price = amount(v, item.get("price"), REQUIRED);
      Long quantity = v.wholeNumber(item.get("quantity"), REQUIRED, 1, 10_000);
      JsonField warranty = v.object(item.get("warranty"), OPTIONAL);
      BigDecimal warrantyPrice = warranty == null ? BigDecimal.ZERO : amount(v, warranty.get("price"), REQUIRED);
      if (price == null || quantity == null || warrantyPrice == null) {
        complete = false;
        continue;
      }
      // The document's sample counts a line's warranty once, whatever the quantity.
      sum = sum.add(price.multiply(BigDecimal.valueOf(quantity))).add(warrantyPrice);
    }
    for (JsonField discount : v.array(cart.get("discounts"), OPTIONAL)) {
      BigDecimal amount = amount(v, discount.get("amount"), REQUIRED);
      if (amount == null) {
        complete = false;
      } else {
        sum = sum.subtract(amount);
      }
    }
    for (String extra : List.of("taxAmount", "shippingAmount")) {
      BigDecimal amount = amount(v, cart.get(extra), OPTIONAL);
      if (amount != null) {
        sum = sum.add(amount);
      } else if (cart.get(extra).present()) {
        complete = false;
      }
    }
    BigDecimal total = amount(v, cart.get("totalAmount"), REQUIRED);
    if (complete && total != null && sum.compareTo(total) != 0) {
      v.add(cart.get("totalAmount"), "must equal the items, warranties, tax and shipping less discounts (" + sum.stripTrailingZeros().toPlainString() + ")");
    }
    return total;
  }

  private static BigDecimal amount(FieldViolations v, JsonField field, FieldViolations.Presence presence) {
    if (!field.present()) {
      if (presence == REQUIRED) {
        v.add(field, "is required");
      }
      return null;
    }
    if (!field.value().isNumber()) {
      v.add(field, "must be a number");
      return null;
    }
    BigDecimal amount = field.value().decimalValue();
    if (amount.signum() < 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      v.add(field, "must be a non-negative amount with at most 2 decimals");
      return null;
    }
    return amount;
  }

  private static String oneOf(FieldViolations v, JsonField field, Set<String> allowed) {
    String value = v.text(field, REQUIRED, TEXT);
    if (value != null && !allowed.contains(value)) {
      v.add(field, "must be one of " + allowed.stream().sorted().toList());
      return null;
    }
    return value;
  }

  private static String url(FieldViolations v, JsonField field) {
    String value = v.text(field, OPTIONAL, URL);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        v.add(field, "must be an absolute http(s) URL");
        return null;
      }
    } catch (IllegalArgumentException e) {
      v.add(field, "must be an absolute http(s) URL");
      return null;
    }
    return value;
  }
}
