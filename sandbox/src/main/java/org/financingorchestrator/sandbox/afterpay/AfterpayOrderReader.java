package org.financingorchestrator.sandbox.afterpay;

import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.OPTIONAL;
import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.REQUIRED;
import static org.financingorchestrator.sandbox.common.FieldViolations.UNBOUNDED;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.financingorchestrator.sandbox.afterpay.AfterpayMoneyReader.Sign;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.FieldViolations.Presence;
import org.financingorchestrator.sandbox.common.JsonField;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Create Order body into an order, checking every field the document describes. Unknown
 * fields are ignored. The result has no token yet.
 */
final class AfterpayOrderReader {

  private static final int NAME_MAX = 255;
  private static final int ADDRESS_MAX = 128;
  private static final int PHONE_MAX = 32;

  private AfterpayOrderReader() {}

  /** The order, or null when v holds at least one violation. */
  static AfterpayOrder read(JsonNode body, FieldViolations v) {
    JsonField root = JsonField.root(body);
    AfterpayMoney total =
        AfterpayMoneyReader.read(v, root.get("totalAmount"), REQUIRED, Sign.POSITIVE);
    AfterpayConsumer consumer = consumer(v, root.get("consumer"));
    AfterpayContact billing = contact(v, root.get("billing"));
    AfterpayContact shipping = contact(v, root.get("shipping"));
    JsonField courierField = v.object(root.get("courier"), OPTIONAL);
    AfterpayCourier courier =
        courierField == null ? null : AfterpayCourierReader.read(v, courierField);
    String description = v.text(root.get("description"), OPTIONAL, UNBOUNDED);
    List<AfterpayItem> items = items(v, root.get("items"));
    List<AfterpayDiscount> discounts = discounts(v, root.get("discounts"));
    AfterpayMerchant merchant = merchant(v, root.get("merchant"));
    String paymentType = v.text(root.get("paymentType"), OPTIONAL, UNBOUNDED);
    if (paymentType != null && !AfterpayOrder.PAY_BY_INSTALLMENT.equals(paymentType)) {
      v.add(root.get("paymentType"), "must be PAY_BY_INSTALLMENT");
    }
    String merchantReference = v.text(root.get("merchantReference"), OPTIONAL, UNBOUNDED);
    AfterpayMoney tax =
        AfterpayMoneyReader.read(v, root.get("taxAmount"), OPTIONAL, Sign.NOT_NEGATIVE);
    AfterpayMoney shippingAmount =
        AfterpayMoneyReader.read(v, root.get("shippingAmount"), OPTIONAL, Sign.NOT_NEGATIVE);
    if (!v.isEmpty()) {
      return null;
    }
    return new AfterpayOrder(
        null,
        null,
        total,
        consumer,
        billing,
        shipping,
        courier,
        description,
        items,
        discounts,
        merchant,
        paymentType == null ? AfterpayOrder.PAY_BY_INSTALLMENT : paymentType,
        merchantReference,
        tax,
        shippingAmount);
  }

  private static AfterpayConsumer consumer(FieldViolations v, JsonField field) {
    JsonField c = v.object(field, REQUIRED);
    if (c == null) {
      return null;
    }
    return new AfterpayConsumer(
        v.text(c.get("phoneNumber"), OPTIONAL, UNBOUNDED),
        v.text(c.get("givenNames"), REQUIRED, UNBOUNDED),
        v.text(c.get("surname"), REQUIRED, UNBOUNDED),
        v.text(c.get("email"), REQUIRED, UNBOUNDED));
  }

  private static AfterpayContact contact(FieldViolations v, JsonField field) {
    JsonField c = v.object(field, OPTIONAL);
    if (c == null) {
      return null;
    }
    String name = v.text(c.get("name"), REQUIRED, NAME_MAX);
    String line1 = v.text(c.get("line1"), REQUIRED, ADDRESS_MAX);
    String line2 = v.text(c.get("line2"), OPTIONAL, ADDRESS_MAX);
    String suburb = v.text(c.get("suburb"), OPTIONAL, ADDRESS_MAX);
    String state = v.text(c.get("state"), REQUIRED, ADDRESS_MAX);
    String postcode = v.text(c.get("postcode"), REQUIRED, ADDRESS_MAX);
    String countryCode = v.text(c.get("countryCode"), OPTIONAL, UNBOUNDED);
    if (countryCode != null && !countryCode.matches("[A-Za-z]{2}")) {
      v.add(c.get("countryCode"), "must be a two-character ISO 3166-1 country code");
    }
    String phoneNumber = v.text(c.get("phoneNumber"), OPTIONAL, PHONE_MAX);
    return new AfterpayContact(
        name,
        line1,
        line2,
        suburb,
        state,
        postcode,
        countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT),
        phoneNumber);
  }

  private static List<AfterpayItem> items(FieldViolations v, JsonField field) {
    if (!field.present()) {
      return null;
    }
    List<AfterpayItem> items = new ArrayList<>();
    for (JsonField element : v.array(field, OPTIONAL)) {
      JsonField item = v.object(element, REQUIRED);
      if (item != null) {
        items.add(
            new AfterpayItem(
                v.text(item.get("name"), REQUIRED, UNBOUNDED),
                v.text(item.get("sku"), OPTIONAL, UNBOUNDED),
                v.wholeNumber(item.get("quantity"), REQUIRED, 1, Integer.MAX_VALUE),
                AfterpayMoneyReader.read(v, item.get("price"), REQUIRED, Sign.NOT_NEGATIVE)));
      }
    }
    return items;
  }

  private static List<AfterpayDiscount> discounts(FieldViolations v, JsonField field) {
    if (!field.present()) {
      return null;
    }
    List<AfterpayDiscount> discounts = new ArrayList<>();
    for (JsonField element : v.array(field, OPTIONAL)) {
      JsonField discount = v.object(element, REQUIRED);
      if (discount != null) {
        discounts.add(
            new AfterpayDiscount(
                v.text(discount.get("displayName"), REQUIRED, UNBOUNDED),
                AfterpayMoneyReader.read(v, discount.get("amount"), REQUIRED, Sign.NOT_NEGATIVE)));
      }
    }
    return discounts;
  }

  private static AfterpayMerchant merchant(FieldViolations v, JsonField field) {
    JsonField m = v.object(field, REQUIRED);
    if (m == null) {
      return null;
    }
    return new AfterpayMerchant(
        url(v, m.get("redirectConfirmUrl")), url(v, m.get("redirectCancelUrl")));
  }

  private static String url(FieldViolations v, JsonField field) {
    String text = v.text(field, Presence.REQUIRED, UNBOUNDED);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        return text;
      }
    } catch (URISyntaxException e) {
      // Reported below with the field's name; the parser's message would echo the URL.
    }
    v.add(field, "must be an absolute http or https URL");
    return null;
  }
}
