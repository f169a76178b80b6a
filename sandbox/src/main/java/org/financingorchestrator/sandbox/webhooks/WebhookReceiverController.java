package org.financingorchestrator.sandbox.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.sandbox.common.SandboxControls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A merchant's webhook receiver, as a merchant should write one, to show and test the webhooks:
 *
 * <ul>
 *   <li>{@code POST /sandbox/webhooks/{merchantId}}: verifies the Standard Webhooks signature with
 *       the merchant's {@code sandbox.webhooks.secrets.<merchantId>} and the timestamp (5 min either
 *       way: a replayed request is refused), then takes the event once by its id: 204 for a new
 *       one, 200 for one taken before (acknowledged, so the sender stops), 400 for a stale or
 *       unsigned request, 401 for a wrong signature, 404 for a merchant without a secret, 503
 *       while failures are armed.
 *   <li>{@code GET /sandbox/webhooks/{merchantId}}: every request in order, with {@code verified}
 *       and {@code duplicate}, and the failures still armed.
 *   <li>{@code POST /sandbox/webhooks/{merchantId}/failures?count=N}: the next N requests answer
 *       503, to watch the sender retry.
 * </ul>
 *
 * A sandbox control: it exists only when the sandbox runs as the local sandbox.
 */
@RestController
@ConditionalOnBooleanProperty(SandboxControls.ENABLED)
public class WebhookReceiverController {

  private static final Logger log = LoggerFactory.getLogger(WebhookReceiverController.class);

  private final SandboxWebhooksProperties properties;
  private final WebhookInbox inbox;
  private final Clock clock;
  private final ObjectMapper json;

  WebhookReceiverController(SandboxWebhooksProperties properties, WebhookInbox inbox, Clock clock, ObjectMapper json) {
    this.properties = properties;
    this.inbox = inbox;
    this.clock = clock;
    this.json = json;
  }

  @PostMapping("/sandbox/webhooks/{merchantId}")
  public ResponseEntity<Void> receive(
      @PathVariable String merchantId,
      @RequestHeader(name = "webhook-id", required = false) String id,
      @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
      @RequestHeader(name = "webhook-signature", required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    byte[] bytes = body == null ? new byte[0] : body;
    Instant now = clock.instant();
    HttpStatus answer;
    String problem;
    String secret = properties.secrets().get(merchantId);
    if (inbox.takeArmedFailure(merchantId)) {
      answer = HttpStatus.SERVICE_UNAVAILABLE;
      problem = "failed on purpose (armed failure)";
    } else if (secret == null) {
      answer = HttpStatus.NOT_FOUND;
      problem = "no secret configured for merchant " + merchantId;
    } else {
      problem = WebhookVerifier.problem(secret, id, timestamp, signature, bytes, now, properties.tolerance());
      answer =
          problem == null ? HttpStatus.NO_CONTENT
              : problem.startsWith("no webhook-signature") ? HttpStatus.UNAUTHORIZED
              : HttpStatus.BAD_REQUEST;
    }
    JsonNode event = parse(bytes);
    ReceivedWebhook recorded =
        inbox.record(
            merchantId,
            new ReceivedWebhook(inbox.nextSeq(), now.truncatedTo(ChronoUnit.MILLIS), id,
                event != null && event.hasNonNull("type") ? event.get("type").asString() : null,
                problem == null, answer.value(), problem, false, event));
    if (recorded.duplicate()) {
      answer = HttpStatus.OK;
    }
    log.info("webhook #{} for {}: {} {} -> {}{}", recorded.seq(), merchantId, id, recorded.type(), answer.value(),
        problem == null ? (recorded.duplicate() ? " (duplicate)" : "") : " (" + problem + ")");
    return ResponseEntity.status(answer).build();
  }

  @GetMapping("/sandbox/webhooks/{merchantId}")
  public Map<String, Object> received(@PathVariable String merchantId) {
    List<ReceivedWebhook> received = inbox.received(merchantId);
    return Map.of("merchantId", merchantId, "failuresArmed", inbox.failuresArmed(merchantId), "received", received);
  }

  @PostMapping("/sandbox/webhooks/{merchantId}/failures")
  public ResponseEntity<Void> failNext(@PathVariable String merchantId, @RequestParam int count) {
    inbox.failNext(merchantId, Math.max(0, count));
    return ResponseEntity.noContent().build();
  }

  private JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : json.readTree(body);
    } catch (JacksonException notJson) {
      return null;
    }
  }
}
