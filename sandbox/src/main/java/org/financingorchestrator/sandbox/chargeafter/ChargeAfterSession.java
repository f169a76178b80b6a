package org.financingorchestrator.sandbox.chargeafter;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One omnichannel/send-link session: what the merchant sent (kept in memory only, never in the
 * ledger) and, once the consumer finished, the final postback's body. Guarded by its store.
 */
final class ChargeAfterSession {

  final String statusTrackingId;
  final String flow;
  final String sendUsing;
  final JsonNode correlationId;
  final JsonNode tags;
  final JsonNode consumerDetails;
  final String finalPostbackUrl;
  final String dataUpdatePostbackUrl;
  final String postbackAuthKey;
  final String redirectOnSuccessUrl;
  final String redirectOnFailureUrl;
  final String currency;
  /** Null for an apply flow. */
  final JsonNode cartDetails;
  final BigDecimal totalAmount;
  /** The final postback's body once the consumer finished; null before. */
  private ObjectNode result;
  /** Where the consumer's browser went when it finished. */
  private String redirectLocation;

  ChargeAfterSession(
      String statusTrackingId,
      String flow,
      String sendUsing,
      JsonNode correlationId,
      JsonNode tags,
      JsonNode consumerDetails,
      String finalPostbackUrl,
      String dataUpdatePostbackUrl,
      String postbackAuthKey,
      String redirectOnSuccessUrl,
      String redirectOnFailureUrl,
      String currency,
      JsonNode cartDetails,
      BigDecimal totalAmount) {
    this.statusTrackingId = statusTrackingId;
    this.flow = flow;
    this.sendUsing = sendUsing;
    this.correlationId = correlationId;
    this.tags = tags;
    this.consumerDetails = consumerDetails;
    this.finalPostbackUrl = finalPostbackUrl;
    this.dataUpdatePostbackUrl = dataUpdatePostbackUrl;
    this.postbackAuthKey = postbackAuthKey;
    this.redirectOnSuccessUrl = redirectOnSuccessUrl;
    this.redirectOnFailureUrl = redirectOnFailureUrl;
    this.currency = currency;
    this.cartDetails = cartDetails;
    this.totalAmount = totalAmount;
  }

  boolean checkout() {
    return "checkout".equals(flow);
  }

  synchronized ObjectNode result() {
    return result;
  }

  synchronized String redirectLocation() {
    return redirectLocation;
  }

  /** True when this call finished the session; false when it had finished already. */
  synchronized boolean finish(ObjectNode body, String location) {
    if (result != null) {
      return false;
    }
    result = body;
    redirectLocation = location;
    return true;
  }
}
