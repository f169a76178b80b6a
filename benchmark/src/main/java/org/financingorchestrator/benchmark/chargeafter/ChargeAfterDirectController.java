package org.financingorchestrator.benchmark.chargeafter;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.financingorchestrator.activities.chargeafter.ChargeAfterActivitiesImpl;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterCallbacks;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterLinkSent;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterPostback;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkCall;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ChargeAfter send-link without orchestration: the send-link with this merchant's postback
 * URLs and key, the postbacks taken into memory (the final one decides), the consumer's return
 * forwarded to the merchant's page, and the outcome for the merchant. The worker's client,
 * answered as starter-api answers.
 */
@RestController
@RequestMapping("/direct/chargeafter")
class ChargeAfterDirectController {

  /** What the direct merchant remembers of a send-link, in memory only. */
  private static final class Session {
    final String postbackKey = UUID.randomUUID().toString();
    final String successPage;
    final String failurePage;
    volatile String statusTrackingId;
    volatile ChargeAfterPostback dataUpdate;
    volatile ChargeAfterPostback decision;

    Session(String successPage, String failurePage) {
      this.successPage = successPage;
      this.failurePage = failurePage;
    }
  }

  private final ChargeAfterActivitiesImpl chargeAfter;
  private final JsonMapper json;
  private final String publicBase;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  ChargeAfterDirectController(ChargeAfterActivitiesImpl chargeAfter, JsonMapper json, @Value("${direct.public-base-url}") String publicBase) {
    this.chargeAfter = chargeAfter;
    this.json = json;
    this.publicBase = publicBase;
  }

  @PostMapping("/send-links")
  ResponseEntity<Map<String, Object>> sendLink(@RequestBody JsonNode body) {
    String orderId = body.path("merchantOrderId").asString();
    Session session = new Session(body.path("redirectOnSuccessURL").asString(), body.path("redirectOnFailureURL").asString());
    sessions.put(orderId, session);
    String callbacks = publicBase + "/direct/chargeafter/" + orderId;
    ChargeAfterLinkSent sent = chargeAfter.sendLink(new ChargeAfterSendLinkCall(
        json.treeToValue(body, ChargeAfterSendLinkRequest.class),
        new ChargeAfterCallbacks(callbacks + "/final-postback", callbacks + "/data-update-postback",
            callbacks + "/success", callbacks + "/failure", session.postbackKey)));
    session.statusTrackingId = sent.statusTrackingId();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("flowId", orderId);
    answer.put("status", "AWAITING_SHOPPER");
    answer.put("statusTrackingId", sent.statusTrackingId());
    answer.put("redirectUrl", sent.redirectUrl());
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  @PostMapping("/{orderId}/data-update-postback")
  ResponseEntity<Map<String, String>> dataUpdate(
      @PathVariable String orderId, @RequestHeader("Authorization") String authorization, @RequestBody JsonNode body) {
    Session session = authorized(orderId, authorization);
    if (session == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    session.dataUpdate = json.treeToValue(body, ChargeAfterPostback.class);
    return ResponseEntity.ok(Map.of("flowId", orderId, "received", "taken"));
  }

  @PostMapping("/{orderId}/final-postback")
  ResponseEntity<Map<String, String>> finalPostback(
      @PathVariable String orderId, @RequestHeader("Authorization") String authorization, @RequestBody JsonNode body) {
    Session session = authorized(orderId, authorization);
    if (session == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    if (session.decision != null) {
      return ResponseEntity.ok(Map.of("flowId", orderId, "received", "unchanged"));
    }
    session.decision = json.treeToValue(body, ChargeAfterPostback.class);
    return ResponseEntity.ok(Map.of("flowId", orderId, "received", "taken"));
  }

  @GetMapping("/{orderId}/success")
  ResponseEntity<Void> success(@PathVariable String orderId) {
    Session session = sessions.get(orderId);
    return session == null
        ? ResponseEntity.badRequest().build()
        : ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(session.successPage + "?flowId=" + orderId)).build();
  }

  @GetMapping("/send-links/{orderId}")
  ResponseEntity<Map<String, Object>> outcome(@PathVariable String orderId) {
    Session session = sessions.get(orderId);
    if (session == null) {
      return ResponseEntity.notFound().build();
    }
    ChargeAfterPostback decision = session.decision;
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("state", decision == null ? "AWAITING_SHOPPER" : decision.error() == null ? "APPROVED" : "DECLINED");
    answer.put("statusTrackingId", session.statusTrackingId);
    if (decision != null) {
      answer.put("token", decision.token());
      answer.put("applicationId", decision.applicationId());
      answer.put("lender", decision.lender());
      answer.put("decidedBy", "postback");
      sessions.remove(orderId);
    }
    return ResponseEntity.ok(answer);
  }

  private Session authorized(String orderId, String authorization) {
    Session session = sessions.get(orderId);
    return session != null && ("Bearer " + session.postbackKey).equals(authorization) ? session : null;
  }
}
