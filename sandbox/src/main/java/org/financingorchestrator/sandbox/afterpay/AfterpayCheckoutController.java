package org.financingorchestrator.sandbox.afterpay;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
 * The shopper's step, which afterpay.js and Afterpay's portal perform in production: a page for
 * people, and the same three form posts for scripts and tests. Each post answers 303 See Other to
 * the merchant's URL with orderToken and status appended.
 */
@RestController
@RequestMapping(Afterpay.PATH_PREFIX + "/checkout")
class AfterpayCheckoutController {

  private static final MediaType HTML_UTF8 =
      new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final AfterpayShopperSteps steps;

  AfterpayCheckoutController(AfterpayShopperSteps steps) {
    this.steps = steps;
  }

  @GetMapping
  ResponseEntity<String> page(
      @RequestParam(required = false) String token, HttpServletRequest request) {
    if (token == null || token.isBlank()) {
      return html(HttpStatus.BAD_REQUEST, AfterpayCheckoutPage.error(400, "token is required"));
    }
    Optional<AfterpayOrderRecord> order = steps.find(token);
    if (order.isEmpty()) {
      return html(HttpStatus.NOT_FOUND, AfterpayCheckoutPage.error(404, "Order not found"));
    }
    if (order.get().shopperStep() == null && steps.expired(order.get())) {
      return html(HttpStatus.GONE, AfterpayCheckoutPage.error(410, "The order token has expired."));
    }
    String actionBase = request.getContextPath() + Afterpay.PATH_PREFIX + "/checkout";
    return html(HttpStatus.OK, AfterpayCheckoutPage.render(order.get(), actionBase));
  }

  /**
   * captureOutcome (APPROVED or DECLINED) and capturedAmount script what the later capture answers;
   * both optional, as form fields or query parameters.
   */
  @PostMapping("/{token}/approve")
  ResponseEntity<Void> approve(
      @PathVariable String token,
      @RequestParam(required = false) String captureOutcome,
      @RequestParam(required = false) String capturedAmount) {
    return seeOther(steps.approve(token, captureOutcome, capturedAmount));
  }

  @PostMapping("/{token}/cancel")
  ResponseEntity<Void> cancel(@PathVariable String token) {
    return seeOther(steps.cancel(token));
  }

  @PostMapping("/{token}/decline")
  ResponseEntity<Void> decline(@PathVariable String token) {
    return seeOther(steps.decline(token));
  }

  private static ResponseEntity<Void> seeOther(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, location)
        .build();
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(HTML_UTF8).body(body);
  }
}
