package org.financingorchestrator.benchmark.affirm;

import tools.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.financingorchestrator.activities.affirm.AffirmActivitiesImpl;
import org.financingorchestrator.workflows.affirm.AffirmAuthorization;
import org.financingorchestrator.workflows.affirm.AffirmCapture;
import org.financingorchestrator.workflows.affirm.AffirmCharge;
import org.financingorchestrator.workflows.affirm.AffirmChargeCall;
import org.financingorchestrator.workflows.common.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Affirm checkout without orchestration: the checkout object for Affirm.js (built as
 * starter-api builds it), then on the token's post the authorization and the amount's check
 * (a charge of another amount is voided), then the capture, with the worker's client and a fresh
 * idempotency key per call, answered as starter-api answers.
 */
@RestController
@RequestMapping("/direct/affirm/checkouts")
class AffirmDirectController {

  /** What the direct merchant remembers of an order, in memory only. */
  private record Order(String orderId, Money total, String confirmUrl, String cancelUrl) {}

  private final AffirmActivitiesImpl affirm;
  private final String publicBase;
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final Map<String, AffirmCharge> authorized = new ConcurrentHashMap<>();

  AffirmDirectController(AffirmActivitiesImpl affirm, @Value("${direct.public-base-url}") String publicBase) {
    this.affirm = affirm;
    this.publicBase = publicBase;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
    String orderId = body.path("orderId").asString();
    Money total = money(body.get("total"));
    JsonNode merchant = body.path("merchant");
    orders.put(orderId, new Order(orderId, total,
        merchant.path("redirectConfirmUrl").asString(), merchant.path("redirectCancelUrl").asString()));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("flowId", orderId, "checkout", checkoutObject(body, orderId)));
  }

  @PostMapping("/{orderId}/confirm")
  ResponseEntity<Void> confirm(@PathVariable String orderId, @RequestParam("checkout_token") String checkoutToken) {
    Order order = orders.get(orderId);
    if (order == null) {
      return ResponseEntity.badRequest().build();
    }
    AffirmCharge charge = affirm.authorize(new AffirmAuthorization(checkoutToken, orderId, UUID.randomUUID().toString()));
    if (!charge.amount().equals(order.total())) {
      affirm.voidCharge(AffirmChargeCall.voidOf(charge.id(), UUID.randomUUID().toString()));
      return redirect(order.cancelUrl() + "?status=VOIDED&reason=amount_mismatch");
    }
    authorized.put(orderId, charge);
    return redirect(order.confirmUrl() + "?status=AUTHORIZED");
  }

  @PostMapping("/{orderId}/capture")
  ResponseEntity<Map<String, String>> capture(@PathVariable String orderId, @RequestBody JsonNode body) {
    AffirmCharge charge = authorized.remove(orderId);
    if (charge == null) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    affirm.capture(AffirmChargeCall.captureOf(charge.id(), UUID.randomUUID().toString(), charge.amount(),
        new AffirmCapture(null, body.path("orderId").asString(), body.path("shippingCarrier").asString(),
            body.path("shippingConfirmation").asString())));
    orders.remove(orderId);
    return ResponseEntity.ok(Map.of("flowId", orderId, "state", "CAPTURED"));
  }

  private Map<String, Object> checkoutObject(JsonNode body, String orderId) {
    Map<String, Object> merchant = new LinkedHashMap<>();
    merchant.put("user_confirmation_url", publicBase + "/direct/affirm/checkouts/" + orderId + "/confirm");
    merchant.put("user_cancel_url", publicBase + "/direct/affirm/checkouts/" + orderId + "/cancel");
    merchant.put("user_confirmation_url_action", "POST");
    JsonNode shipping = body.path("shipping");
    Map<String, Object> address = new LinkedHashMap<>();
    for (String field : List.of("line1", "city", "state", "zipcode", "country")) {
      address.put(field, shipping.path(field).asString());
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      items.add(Map.of(
          "display_name", item.path("displayName").asString(),
          "sku", item.path("sku").asString(),
          "unit_price", money(item.get("unitPrice")).minorUnits(),
          "qty", item.path("qty").asInt()));
    }
    Map<String, Object> checkout = new LinkedHashMap<>();
    checkout.put("merchant", merchant);
    checkout.put("shipping", Map.of("name", Map.of("full", shipping.path("name").asString()), "address", address));
    checkout.put("items", items);
    checkout.put("order_id", orderId);
    checkout.put("currency", body.path("total").path("currency").asString());
    checkout.put("shipping_amount", money(body.get("shippingAmount")).minorUnits());
    checkout.put("tax_amount", money(body.get("taxAmount")).minorUnits());
    checkout.put("total", money(body.get("total")).minorUnits());
    return checkout;
  }

  private static Money money(JsonNode money) {
    return new Money(new BigDecimal(money.path("amount").asString()), money.path("currency").asString());
  }

  private static ResponseEntity<Void> redirect(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
  }
}
