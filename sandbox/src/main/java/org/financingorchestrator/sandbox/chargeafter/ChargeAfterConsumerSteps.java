package org.financingorchestrator.sandbox.chargeafter;

import java.time.Duration;
import java.util.UUID;
import org.financingorchestrator.sandbox.common.Ledger;
import org.financingorchestrator.sandbox.common.LedgerEvent;
import org.financingorchestrator.sandbox.common.RandomIds;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consumer's part, which ChargeAfter's own pages play in production: the consumer approves,
 * is declined, goes back to the store, cancels, or is left pending. Approval first sends a
 * data-update postback; then the final postback goes out (once, twice, late or never, as scripted)
 * and the browser goes to the merchant's success page, or its failure page with code and message.
 */
@Component
class ChargeAfterConsumerSteps {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChargeAfterSessions sessions;
  private final ChargeAfterPostbacks postbacks;
  private final ChargeAfterProperties properties;
  private final Ledger ledger;

  ChargeAfterConsumerSteps(
      ChargeAfterSessions sessions, ChargeAfterPostbacks postbacks, ChargeAfterProperties properties, Ledger ledger) {
    this.sessions = sessions;
    this.postbacks = postbacks;
    this.properties = properties;
    this.ledger = ledger;
  }

  /**
   * Ends the session; answers where the consumer's browser goes (null when the merchant gave no
   * page). A session that has ended answers its first end again and sends nothing.
   *
   * @param code for a decline, another documented error code to report
   */
  String finish(String statusTrackingId, ChargeAfterOutcome outcome, String code, ChargeAfterDelivery delivery, int delaySeconds) {
    ChargeAfterSession session = sessions.get(statusTrackingId);
    String errorCode = outcome.code;
    String errorMessage = outcome.message;
    if (code != null && !code.isBlank()) {
      if (outcome != ChargeAfterOutcome.DECLINE || !ChargeAfterOutcome.DOCUMENTED_CODES.containsKey(code)) {
        throw new SandboxApiException(400, "INVALID_REQUEST", "code: only a decline takes one of the documented error codes");
      }
      errorCode = code;
      errorMessage = ChargeAfterOutcome.DOCUMENTED_CODES.get(code);
    }
    String applicationId = RandomIds.hex(8);
    String consumerId = UUID.randomUUID().toString();
    ObjectNode body = finalBody(session, applicationId, consumerId, errorCode, errorMessage);
    String location = location(session, errorCode, errorMessage);
    if (!session.finish(body, location)) {
      return session.redirectLocation();
    }
    ledger.append(
        LedgerEvent.of(ChargeAfter.PROVIDER, outcome.ledgerType)
            .reference("statusTrackingId", statusTrackingId)
            .reference("applicationId", applicationId)
            .reference("error", errorCode));
    if (delivery == ChargeAfterDelivery.NEVER) {
      return location;
    }
    if (errorCode == null) {
      postbacks.send(session, ChargeAfterPostbacks.DATA_UPDATE, session.dataUpdatePostbackUrl, dataUpdateBody(body));
    }
    switch (delivery) {
      case LATE ->
          postbacks.sendLater(session, ChargeAfterPostbacks.FINAL, session.finalPostbackUrl, body, Duration.ofSeconds(delaySeconds));
      case TWICE -> {
        postbacks.send(session, ChargeAfterPostbacks.FINAL, session.finalPostbackUrl, body);
        postbacks.send(session, ChargeAfterPostbacks.FINAL, session.finalPostbackUrl, body);
      }
      default -> postbacks.send(session, ChargeAfterPostbacks.FINAL, session.finalPostbackUrl, body);
    }
    return location;
  }

  private ObjectNode finalBody(
      ChargeAfterSession session, String applicationId, String consumerId, String errorCode, String errorMessage) {
    boolean approved = errorCode == null;
    ObjectNode body = JSON.objectNode();
    body.put("statusTrackingId", session.statusTrackingId);
    body.put("applicationId", applicationId);
    body.set("correlationId", orNull(session.correlationId));
    body.set("tags", session.tags == null ? JSON.objectNode() : session.tags);
    body.put("token", approved && session.checkout() ? UUID.randomUUID().toString() : null);
    body.put("consumerId", consumerId);
    ArrayNode credit = body.putArray("availableCredit");
    if (approved) {
      credit.addObject().put("creditAmount", properties.creditAmount()).set("lender", lender());
    }
    body.set("consumerDetails", orNull(session.consumerDetails));
    body.set("lender", approved && session.checkout() ? lender() : JSON.nullNode());
    if (session.checkout()) {
      ObjectNode orderInfo = body.putObject("orderInfo");
      orderInfo.set("totalAmount", orNull(session.cartDetails.get("totalAmount")));
      orderInfo.set("taxAmount", orNull(session.cartDetails.get("taxAmount")));
      orderInfo.set("shippingAmount", orNull(session.cartDetails.get("shippingAmount")));
    } else {
      body.putNull("orderInfo");
    }
    if (approved) {
      body.putNull("error");
    } else {
      body.putObject("error").put("code", errorCode).put("message", errorMessage);
    }
    return body;
  }

  private static ObjectNode dataUpdateBody(ObjectNode finalBody) {
    ObjectNode body = JSON.objectNode();
    for (String field : new String[] {"statusTrackingId", "applicationId", "correlationId", "tags", "consumerId", "availableCredit", "consumerDetails"}) {
      body.set(field, finalBody.get(field));
    }
    return body;
  }

  private ObjectNode lender() {
    return JSON.objectNode().put("name", properties.lenderName()).put("id", "sandbox-lender");
  }

  private static String location(ChargeAfterSession session, String errorCode, String errorMessage) {
    if (errorCode == null) {
      return session.redirectOnSuccessUrl;
    }
    if (session.redirectOnFailureUrl == null) {
      return null;
    }
    return UriComponentsBuilder.fromUriString(session.redirectOnFailureUrl)
        .queryParam("code", errorCode)
        .queryParam("message", errorMessage)
        .encode()
        .build()
        .toUriString();
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? JSON.nullNode() : node;
  }
}
