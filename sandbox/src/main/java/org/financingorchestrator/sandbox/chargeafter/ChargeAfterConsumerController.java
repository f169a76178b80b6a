package org.financingorchestrator.sandbox.chargeafter;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consumer's page behind the link (the email's or the redirectUrl), and its choices as form
 * posts for people, scripts and tests: approve, decline, back-to-store, cancel, pending. Each post
 * answers 303 to the merchant's page; {@code postback} (once, twice, late, never) and
 * {@code delaySeconds} script the final postback, {@code code} a decline's documented error code.
 */
@RestController
@RequestMapping(ChargeAfter.PATH_PREFIX + "/consumer")
class ChargeAfterConsumerController {

  private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  private static final String[] ACTIONS = {"approve", "decline", "back-to-store", "cancel", "pending"};

  private final ChargeAfterSessions sessions;
  private final ChargeAfterConsumerSteps steps;

  ChargeAfterConsumerController(ChargeAfterSessions sessions, ChargeAfterConsumerSteps steps) {
    this.sessions = sessions;
    this.steps = steps;
  }

  @GetMapping("/{statusTrackingId}")
  ResponseEntity<String> page(@PathVariable String statusTrackingId, HttpServletRequest request) {
    ChargeAfterSession session = sessions.get(statusTrackingId);
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
        .append("<title>ChargeAfter sandbox</title></head><body>\n<h1>ChargeAfter sandbox: ")
        .append(htmlEscape(session.flow)).append("</h1>\n");
    if (session.totalAmount != null) {
      html.append("<p>Total: <strong id=\"total\">").append(htmlEscape(session.currency + " " + session.totalAmount.toPlainString()))
          .append("</strong></p>\n");
    }
    if (session.result() != null) {
      html.append("<p id=\"state\">This session has ended.</p>\n");
    } else {
      String base = htmlEscape(request.getContextPath() + ChargeAfter.PATH_PREFIX + "/consumer/" + statusTrackingId);
      for (String action : ACTIONS) {
        html.append("<form method=\"post\" action=\"").append(base).append('/').append(action)
            .append("\"><button type=\"submit\">").append(action).append("</button></form>\n");
      }
    }
    html.append("</body></html>\n");
    return ResponseEntity.ok().contentType(HTML_UTF8).body(html.toString());
  }

  @PostMapping("/{statusTrackingId}/{action}")
  ResponseEntity<String> act(
      @PathVariable String statusTrackingId,
      @PathVariable String action,
      @RequestParam(required = false) String postback,
      @RequestParam(required = false, defaultValue = "5") int delaySeconds,
      @RequestParam(required = false) String code) {
    ChargeAfterOutcome outcome;
    try {
      outcome = ChargeAfterOutcome.valueOf(action.replace('-', '_').toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SandboxApiException(404, "NOT_FOUND", "No such consumer action");
    }
    String location = steps.finish(statusTrackingId, outcome, code, ChargeAfterDelivery.parse(postback), delaySeconds);
    if (location == null) {
      return ResponseEntity.ok().contentType(HTML_UTF8).body("<!DOCTYPE html>\n<p>Done: the merchant gave no page to return to.</p>\n");
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
  }
}
