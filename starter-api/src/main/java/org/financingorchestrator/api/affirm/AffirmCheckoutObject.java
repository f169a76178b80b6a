package org.financingorchestrator.api.affirm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.financingorchestrator.api.common.MoneyBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkout object the merchant's page hands to Affirm.js ({@code affirm.checkout(...)}), in
 * Affirm's own names, amounts in integer cents: the order, and this flow's callbacks as
 * user_confirmation_url (Affirm posts checkout_token to it) and user_cancel_url. Built here and
 * answered to the merchant; the flow never holds it (only its {@link #digest}).
 */
final class AffirmCheckoutObject {

  private static final JsonMapper CANONICAL = JsonMapper.builder().build();

  private AffirmCheckoutObject() {}

  static Map<String, Object> of(AffirmCheckoutBody body, String confirmationUrl, String cancelUrl) {
    Map<String, Object> merchant = new LinkedHashMap<>();
    merchant.put("user_confirmation_url", confirmationUrl);
    merchant.put("user_cancel_url", cancelUrl);
    merchant.put("user_confirmation_url_action", "POST");
    Map<String, Object> checkout = new LinkedHashMap<>();
    checkout.put("merchant", merchant);
    putIfPresent(checkout, "shipping", contact(body.shipping()));
    putIfPresent(checkout, "billing", contact(body.billing()));
    checkout.put("items", items(body.items()));
    putIfPresent(checkout, "discounts", discounts(body.discounts()));
    checkout.put("order_id", body.orderId());
    checkout.put("currency", body.total().currency());
    putIfPresent(checkout, "shipping_amount", cents(body.shippingAmount()));
    putIfPresent(checkout, "tax_amount", cents(body.taxAmount()));
    checkout.put("total", cents(body.total()));
    return checkout;
  }

  /**
   * SHA-256 of the order (the checkout without this app's callbacks, whose signature may rotate),
   * canonical: keys sorted. The same order id with another order has another digest.
   */
  static String digest(AffirmCheckoutBody body) {
    Map<String, Object> order = new TreeMap<>(of(body, "", ""));
    order.remove("merchant");
    byte[] canonical = CANONICAL.writer().with(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .writeValueAsString(order).getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }

  private static Map<String, Object> contact(AffirmContactBody contact) {
    if (contact == null) {
      return null;
    }
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("line1", contact.line1());
    putIfPresent(address, "line2", contact.line2());
    address.put("city", contact.city());
    address.put("state", contact.state());
    address.put("zipcode", contact.zipcode());
    putIfPresent(address, "country", contact.country());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", Map.of("full", contact.name()));
    json.put("address", address);
    return json;
  }

  private static List<Map<String, Object>> items(List<AffirmItemBody> items) {
    if (items == null) {
      return List.of();
    }
    return items.stream()
        .map(
            item -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("display_name", item.displayName());
              json.put("sku", item.sku());
              json.put("unit_price", cents(item.unitPrice()));
              json.put("qty", item.qty());
              putIfPresent(json, "item_url", item.itemUrl());
              putIfPresent(json, "item_image_url", item.itemImageUrl());
              return json;
            })
        .toList();
  }

  private static Map<String, Object> discounts(List<AffirmDiscountBody> discounts) {
    if (discounts == null || discounts.isEmpty()) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    for (AffirmDiscountBody discount : discounts) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("discount_amount", cents(discount.amount()));
      entry.put("discount_display_name", discount.displayName());
      json.put(discount.code(), entry);
    }
    return json;
  }

  private static Long cents(MoneyBody money) {
    return money == null ? null : money.toMoney().minorUnits();
  }

  private static void putIfPresent(Map<String, Object> json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
