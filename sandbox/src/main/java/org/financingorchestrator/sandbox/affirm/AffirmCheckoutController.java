package org.financingorchestrator.sandbox.affirm;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.sandbox.common.FaultInjector;
import org.financingorchestrator.sandbox.common.JsonBodies;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The shopper's side, which Affirm.js and Affirm's pages perform in production: Affirm.js opens a
 * checkout with the merchant's checkout object ({@code POST /affirm/js/checkout}); the shopper's
 * page confirms or cancels. Confirming sends the browser to the merchant's user_confirmation_url
 * with the checkout_token: a form that posts it ({@code user_confirmation_url_action} POST, the
 * default) or a redirect with it in the query (GET). Scripts ask for JSON instead
 * ({@code Accept: application/json}) and post the token themselves.
 */
@RestController
class AffirmCheckoutController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final AffirmCheckouts checkouts;
  private final JsonBodies bodies;
  private final FaultInjector faults;

  AffirmCheckoutController(AffirmCheckouts checkouts, JsonBodies bodies, FaultInjector faults) {
    this.checkouts = checkouts;
    this.bodies = bodies;
    this.faults = faults;
  }

  @PostMapping(Affirm.PATH_PREFIX + "/js/checkout")
  ResponseEntity<Map<String, Object>> open(@RequestBody(required = false) byte[] body) {
    AffirmCheckout checkout =
        faults.around(Affirm.PROVIDER, AffirmOperation.CHECKOUT.id(), () -> checkouts.open(bodies.object(body, "invalid_request")));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("checkout_id", checkout.checkoutId());
    answer.put("redirect_url", Affirm.PATH_PREFIX + "/checkout/" + checkout.checkoutId());
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  @GetMapping(Affirm.PATH_PREFIX + "/checkout/{checkoutId}")
  ResponseEntity<String> page(@PathVariable String checkoutId) {
    AffirmCheckout checkout = checkouts.find(checkoutId);
    String action = Affirm.PATH_PREFIX + "/checkout/" + HtmlUtils.htmlEscape(checkoutId);
    String page =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Affirm sandbox checkout</title></head><body>"
            + "<h1>Pay over time with Affirm (sandbox)</h1>"
            + "<p>Order " + HtmlUtils.htmlEscape(checkout.object().path("order_id").asString(""))
            + ", total " + checkout.currency() + " " + java.math.BigDecimal.valueOf(checkout.total(), 2).toPlainString() + "</p>"
            + "<form method=\"post\" action=\"" + action + "/confirm\"><button>Confirm</button></form>"
            + "<form method=\"post\" action=\"" + action + "/cancel\"><button>Cancel</button></form>"
            + "</body></html>";
    return ResponseEntity.ok().contentType(HTML).body(page);
  }

  /**
   * {@code authorizeAmount} (cents) scripts the amount the authorization answers; {@code decline}
   * scripts Affirm refusing it (400 authorization-failed). Both optional.
   */
  @PostMapping(Affirm.PATH_PREFIX + "/checkout/{checkoutId}/confirm")
  ResponseEntity<?> confirm(
      @PathVariable String checkoutId,
      @RequestParam(required = false) Long authorizeAmount,
      @RequestParam(required = false, defaultValue = "false") boolean decline,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    if (authorizeAmount != null && authorizeAmount <= 0) {
      throw new SandboxApiException(400, "invalid_field", "authorizeAmount must be a positive amount in cents");
    }
    AffirmCheckout checkout = checkouts.confirm(checkoutId, authorizeAmount, decline);
    if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("checkout_token", checkout.checkoutToken());
      answer.put("user_confirmation_url", checkout.confirmationUrl());
      answer.put("user_confirmation_url_action", checkout.confirmationAction());
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }
    if ("GET".equals(checkout.confirmationAction())) {
      return seeOther(
          UriComponentsBuilder.fromUriString(checkout.confirmationUrl())
              .queryParam("checkout_token", checkout.checkoutToken())
              .build()
              .toUriString());
    }
    String form =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Returning to the merchant</title></head>"
            + "<body onload=\"document.forms[0].submit()\">"
            + "<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(checkout.confirmationUrl()) + "\">"
            + "<input type=\"hidden\" name=\"checkout_token\" value=\"" + HtmlUtils.htmlEscape(checkout.checkoutToken()) + "\">"
            + "<noscript><button>Continue</button></noscript></form></body></html>";
    return ResponseEntity.ok().contentType(HTML).body(form);
  }

  @PostMapping(Affirm.PATH_PREFIX + "/checkout/{checkoutId}/cancel")
  ResponseEntity<Void> cancel(@PathVariable String checkoutId) {
    return seeOther(checkouts.cancel(checkoutId).cancelUrl());
  }

  private static ResponseEntity<Void> seeOther(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
  }

}
