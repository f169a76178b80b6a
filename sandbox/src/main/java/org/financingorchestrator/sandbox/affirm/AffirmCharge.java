package org.financingorchestrator.sandbox.affirm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An authorized charge, Affirm's charge object: amount and auth_hold in cents, payable (captured
 * less refunded), void, expires, events and details (the checkout it came from). Mutable, and
 * changed only under the store's lock.
 */
final class AffirmCharge {

  final String id;
  final String checkoutToken;
  final Instant created;
  final String currency;
  final long amount;
  final Instant expires;
  final JsonNode details;
  String orderId;
  long authHold;
  long captured;
  long refunded;
  boolean voided;
  String shippingCarrier;
  String shippingConfirmation;
  final List<Map<String, Object>> events = new ArrayList<>();

  AffirmCharge(
      String id, String checkoutToken, Instant created, String currency, long amount, Instant expires,
      String orderId, JsonNode details) {
    this.id = id;
    this.checkoutToken = checkoutToken;
    this.created = created;
    this.currency = currency;
    this.amount = amount;
    this.authHold = amount;
    this.expires = expires;
    this.orderId = orderId;
    this.details = details;
  }

  boolean isCaptured() {
    return captured > 0;
  }

  boolean expiredAt(Instant now) {
    return !now.isBefore(expires);
  }

  /** Adds an event (auth, capture, void, refund, update) and answers it as the action's response. */
  Map<String, Object> event(String type, String id, String transactionId, Instant at, Long eventAmount) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("created", at.toString());
    event.put("currency", currency);
    if (eventAmount != null) {
      event.put("amount", eventAmount);
    }
    event.put("id", id);
    event.put("transaction_id", transactionId);
    event.put("type", type);
    events.add(event);
    return event;
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("created", created.toString());
    json.put("currency", currency);
    json.put("amount", amount);
    json.put("auth_hold", authHold);
    json.put("payable", captured - refunded);
    json.put("void", voided);
    json.put("expires", expires.toString());
    json.put("order_id", orderId);
    json.put("events", List.copyOf(events));
    json.put("details", details);
    return json;
  }
}
