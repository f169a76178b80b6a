package org.financingorchestrator.sandbox.chargeafter;

import jakarta.servlet.http.HttpServletRequest;
import org.financingorchestrator.sandbox.common.FaultInjector;
import org.financingorchestrator.sandbox.common.JsonBodies;
import org.financingorchestrator.sandbox.common.Ledger;
import org.financingorchestrator.sandbox.common.LedgerEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST omnichannel/send-link and the status request, GET omnichannel/send-link/status/{id}. The
 * status request is not specified by the document; this sandbox answers the final postback's
 * fields with {@code status} COMPLETED once the consumer finished, and {@code status} IN_PROGRESS
 * (with statusTrackingId, correlationId and tags) before.
 */
@RestController
@RequestMapping(ChargeAfter.PATH_PREFIX + "/omnichannel/send-link")
class ChargeAfterSendLinkController {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ChargeAfterSessions sessions;
  private final FaultInjector faults;
  private final JsonBodies bodies;
  private final Ledger ledger;

  ChargeAfterSendLinkController(ChargeAfterSessions sessions, FaultInjector faults, JsonBodies bodies, Ledger ledger) {
    this.sessions = sessions;
    this.faults = faults;
    this.bodies = bodies;
    this.ledger = ledger;
  }

  @PostMapping
  ObjectNode sendLink(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
    JsonNode json = bodies.object(body, "INVALID_REQUEST");
    String consumerPages =
        ServletUriComponentsBuilder.fromContextPath(request).path(ChargeAfter.PATH_PREFIX + "/consumer/").toUriString();
    return faults.around(ChargeAfter.PROVIDER, ChargeAfter.SEND_LINK, () -> create(json, consumerPages));
  }

  private ObjectNode create(JsonNode json, String consumerPages) {
    ChargeAfterSession session = ChargeAfterSendLinkReader.read(json);
    sessions.add(session);
    LedgerEvent event =
        LedgerEvent.of(ChargeAfter.PROVIDER, "SEND_LINK_CREATED")
            .reference("statusTrackingId", session.statusTrackingId)
            .reference("flow", session.flow)
            .reference("sendUsing", session.sendUsing);
    if (session.totalAmount != null) {
      event.amount(session.totalAmount, session.currency);
    }
    ledger.append(event);
    ObjectNode answer = JSON.objectNode();
    answer.put("success", "true");
    answer.set("tags", session.tags == null ? JSON.objectNode() : session.tags);
    answer.set("correlationId", session.correlationId == null ? JSON.nullNode() : session.correlationId);
    answer.put("statusTrackingId", session.statusTrackingId);
    if ("redirectUrl".equals(session.sendUsing)) {
      answer.put("redirectUrl", consumerPages + session.statusTrackingId);
    } else {
      // The email itself goes nowhere: the ledger says it would have been sent.
      ledger.append(
          LedgerEvent.of(ChargeAfter.PROVIDER, "LINK_EMAILED").reference("statusTrackingId", session.statusTrackingId));
    }
    return answer;
  }

  @GetMapping("/status/{statusTrackingId}")
  ObjectNode status(@PathVariable String statusTrackingId) {
    return faults.around(
        ChargeAfter.PROVIDER,
        ChargeAfter.STATUS,
        () -> {
          ChargeAfterSession session = sessions.get(statusTrackingId);
          ObjectNode result = session.result();
          if (result != null) {
            return result.deepCopy().put("status", "COMPLETED");
          }
          ObjectNode open = JSON.objectNode();
          open.put("statusTrackingId", session.statusTrackingId);
          open.put("status", "IN_PROGRESS");
          open.set("correlationId", session.correlationId == null ? JSON.nullNode() : session.correlationId);
          open.set("tags", session.tags == null ? JSON.objectNode() : session.tags);
          return open;
        });
  }
}
