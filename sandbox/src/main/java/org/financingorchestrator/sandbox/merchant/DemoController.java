package org.financingorchestrator.sandbox.merchant;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The demo merchant's shop: the cart, a start per provider (the merchant's server calls the
 * merchant API and sends the browser on to the provider's page), and the order's pages the
 * provider's return lands on, each showing the flow's status as the merchant API answers it.
 */
@RestController
@ConditionalOnProperty(prefix = "sandbox.demo", name = "api-base-url")
class DemoController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final DemoMerchantApi api;
  private final DemoOrders orders;

  DemoController(DemoMerchantApi api, DemoOrders orders) {
    this.api = api;
    this.orders = orders;
  }

  @GetMapping("/demo")
  ResponseEntity<String> shop() {
    return html(HttpStatus.OK, DemoPages.shop());
  }

  @PostMapping("/demo/checkout/{provider}")
  ResponseEntity<String> checkout(@PathVariable String provider) {
    DemoProvider chosen =
        Arrays.stream(DemoProvider.values())
            .filter(p -> p.id.equals(provider))
            .findFirst()
            .orElse(null);
    if (chosen == null) {
      return html(HttpStatus.NOT_FOUND, DemoPages.error("No such way to pay", "The shop offers Afterpay, Affirm and ChargeAfter."));
    }
    String reference = orders.newReference();
    URI confirmed = page(reference, "confirmed");
    URI cancelled = page(reference, "cancelled");
    return switch (chosen) {
      case AFTERPAY -> {
        JsonNode created = api.post("/v1/afterpay/checkouts", DemoCart.afterpayCheckout(reference, confirmed, cancelled));
        orders.add(new DemoOrder(reference, chosen, created.path("flowId").asString(), null));
        // Real Afterpay opens its checkout with afterpay.js and the token; the sandbox's page takes it in the URL.
        yield seeOther(URI.create(created.path("redirectCheckoutUrl").asString()));
      }
      case AFFIRM -> {
        JsonNode created = api.post("/v1/affirm/checkouts", DemoCart.affirmCheckout(reference, confirmed, cancelled));
        orders.add(new DemoOrder(reference, chosen, created.path("flowId").asString(), null));
        // Affirm.js opens the checkout from the shopper's page in production; the sandbox's stand-in
        // is an HTTP call that answers the checkout's page, relative to itself.
        URI affirmJs = URI.create(created.path("affirmJsCheckoutUrl").asString());
        JsonNode opened = api.openAffirmCheckout(affirmJs, created.path("checkout"));
        yield seeOther(affirmJs.resolve(opened.path("redirect_url").asString()));
      }
      case CHARGEAFTER -> {
        JsonNode created = api.post("/v1/chargeafter/send-links", DemoCart.chargeAfterSendLink(reference, confirmed, cancelled));
        orders.add(new DemoOrder(reference, chosen, created.path("flowId").asString(), created.path("redirectUrl").asString()));
        // The link goes to the consumer, not to this browser: the order's page says where it is.
        yield seeOther(page(reference, null));
      }
    };
  }

  @GetMapping("/demo/orders/{reference}")
  ResponseEntity<String> order(@PathVariable String reference) {
    return orderPage(reference, "Order placed");
  }

  @GetMapping("/demo/orders/{reference}/confirmed")
  ResponseEntity<String> confirmed(@PathVariable String reference) {
    return orderPage(reference, "Thank you for your order");
  }

  @GetMapping("/demo/orders/{reference}/cancelled")
  ResponseEntity<String> cancelled(@PathVariable String reference) {
    return orderPage(reference, "Your order was not paid");
  }

  /** Affirm's authorization is captured when the merchant ships: the shop does both at once. */
  @PostMapping("/demo/orders/{reference}/capture")
  ResponseEntity<String> capture(@PathVariable String reference) {
    DemoOrder order = orders.find(reference).orElse(null);
    if (order == null) {
      return unknown();
    }
    api.post("/v1/flows/" + order.flowId() + "/capture", DemoCart.affirmCapture(reference));
    return seeOther(page(reference, "confirmed"));
  }

  @ExceptionHandler(DemoApiException.class)
  ResponseEntity<String> refused(DemoApiException e) {
    String what = e.status() == 0 ? "could not be reached" : "answered " + e.status();
    return html(
        HttpStatus.BAD_GATEWAY,
        DemoPages.error(
            "The merchant API " + what,
            e.getMessage()
                + (e.status() == 400 ? ". The shop's pages must be on a redirect host of the merchant: open the shop at localhost." : "")));
  }

  @ExceptionHandler(DemoShopFullException.class)
  ResponseEntity<String> full(DemoShopFullException e) {
    return html(HttpStatus.SERVICE_UNAVAILABLE, DemoPages.error("The demo shop is full", e.getMessage()));
  }

  private ResponseEntity<String> orderPage(String reference, String headline) {
    DemoOrder order = orders.find(reference).orElse(null);
    if (order == null) {
      return unknown();
    }
    return html(HttpStatus.OK, DemoPages.order(order, headline, api.get("/v1/flows/" + order.flowId())));
  }

  private static ResponseEntity<String> unknown() {
    return html(HttpStatus.NOT_FOUND, DemoPages.error("No such order", "This shop has no order by that reference."));
  }

  /** The shop's page for an order, at the address the shopper's browser used to reach the shop. */
  private static URI page(String reference, String outcome) {
    ServletUriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentContextPath();
    url.pathSegment("demo", "orders", reference);
    if (outcome != null) {
      url.pathSegment(outcome);
    }
    return url.build().toUri();
  }

  private static ResponseEntity<String> seeOther(URI location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(HTML).body(body);
  }
}
