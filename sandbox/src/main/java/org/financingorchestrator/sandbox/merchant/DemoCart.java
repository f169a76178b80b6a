package org.financingorchestrator.sandbox.merchant;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The demo shop's one cart (a sweater, tax and shipping: 61.00 USD) as each provider's start
 * request carries it, with the shop's own pages as the merchant's redirect URLs. The shopper's
 * details are the sandbox's made-up ones.
 */
final class DemoCart {

  static final String CURRENCY = "USD";
  static final BigDecimal ITEM_PRICE = new BigDecimal("50.00");
  static final BigDecimal TAX = new BigDecimal("7.00");
  static final BigDecimal SHIPPING = new BigDecimal("4.00");
  static final BigDecimal TOTAL = ITEM_PRICE.add(TAX).add(SHIPPING);
  static final String ITEM = "Sandbox sweater";
  static final String SKU = "sweater-a92123";

  private DemoCart() {}

  static Map<String, Object> afterpayCheckout(String reference, URI confirmed, URI cancelled) {
    return Map.of(
        "merchantReference", reference,
        "totalAmount", money(TOTAL),
        "consumer", Map.of("givenNames", "Joe", "surname", "Consumer", "email", "joe@example.com"),
        "shipping",
            Map.of("name", "Joe Consumer", "line1", "75 Queen St", "state", "NY", "postcode", "10001", "countryCode", "US"),
        "items", List.of(Map.of("name", ITEM, "sku", SKU, "quantity", 1, "price", money(ITEM_PRICE))),
        "taxAmount", money(TAX),
        "shippingAmount", money(SHIPPING),
        "merchant", Map.of("redirectConfirmUrl", confirmed.toString(), "redirectCancelUrl", cancelled.toString()));
  }

  static Map<String, Object> affirmCheckout(String reference, URI confirmed, URI cancelled) {
    return Map.of(
        "orderId", reference,
        "total", money(TOTAL),
        "items", List.of(Map.of("displayName", ITEM, "sku", SKU, "unitPrice", money(ITEM_PRICE), "qty", 1)),
        "shipping",
            Map.of(
                "name", "John Doe", "line1", "325 Pacific Ave", "city", "San Francisco", "state", "CA",
                "zipcode", "94112", "country", "USA"),
        "taxAmount", money(TAX),
        "shippingAmount", money(SHIPPING),
        "merchant", Map.of("redirectConfirmUrl", confirmed.toString(), "redirectCancelUrl", cancelled.toString()));
  }

  /** Sent by redirectUrl: the answer carries the consumer's link, which the shop shows. */
  static Map<String, Object> chargeAfterSendLink(String reference, URI approved, URI declined) {
    Map<String, Object> address = Map.of("line1", "3 My Street", "city", "New York", "zipCode", "10019", "state", "NY");
    return Map.of(
        "channel", "e_commerce",
        "flow", "checkout",
        "sendUsing", "redirectUrl",
        "consumerDetails",
            Map.of(
                "firstName", "John", "lastName", "Doe", "email", "john@example.com", "mobilePhoneNumber", "2124445555",
                "shippingAddress", address, "billingAddress", address),
        "cartDetails",
            Map.of(
                "items", List.of(Map.of("name", ITEM, "price", ITEM_PRICE, "sku", SKU, "quantity", 1)),
                "taxAmount", TAX,
                "shippingAmount", SHIPPING,
                "totalAmount", TOTAL),
        "currency", CURRENCY,
        "merchantOrderId", reference,
        "redirectOnSuccessURL", approved.toString(),
        "redirectOnFailureURL", declined.toString());
  }

  static Map<String, Object> affirmCapture(String reference) {
    return Map.of("orderId", reference);
  }

  private static Map<String, String> money(BigDecimal amount) {
    return Map.of("amount", amount.toPlainString(), "currency", CURRENCY);
  }
}
