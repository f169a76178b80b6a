package org.financingorchestrator.sandbox.affirm;

import java.util.Map;
import org.financingorchestrator.sandbox.common.JsonBodies;
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

/** Affirm's charges API v2: authorize, read, capture, void, refund, update. */
@RestController
@RequestMapping(Affirm.PATH_PREFIX + "/api/v2/charges")
class AffirmChargesController {

  private static final String KEY = "Idempotency-Key";

  private final AffirmCharges charges;
  private final JsonBodies bodies;

  AffirmChargesController(AffirmCharges charges, JsonBodies bodies) {
    this.charges = charges;
    this.bodies = bodies;
  }

  @PostMapping
  Map<String, Object> authorize(
      @RequestBody(required = false) byte[] body, @RequestHeader(name = KEY, required = false) String key) {
    JsonNode json = bodies.object(body, "invalid_request");
    String token = text(json, "checkout_token");
    if (token == null) {
      throw AffirmErrors.invalid("invalid_field", "checkout_token is required");
    }
    return charges.authorize(token, text(json, "order_id"), key);
  }

  @GetMapping("/{chargeId}")
  Map<String, Object> read(@PathVariable String chargeId) {
    return charges.read(chargeId);
  }

  @PostMapping("/{chargeId}/capture")
  Map<String, Object> capture(
      @PathVariable String chargeId,
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = KEY, required = false) String key) {
    JsonNode json = optionalObject(body);
    return charges.capture(
        chargeId, cents(json, "amount"), text(json, "order_id"), text(json, "shipping_carrier"),
        text(json, "shipping_confirmation"), key);
  }

  @PostMapping("/{chargeId}/void")
  Map<String, Object> voidCharge(
      @PathVariable String chargeId, @RequestHeader(name = KEY, required = false) String key) {
    return charges.voidCharge(chargeId, key);
  }

  @PostMapping("/{chargeId}/refund")
  ResponseEntity<Map<String, Object>> refund(
      @PathVariable String chargeId,
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = KEY, required = false) String key) {
    JsonNode json = optionalObject(body);
    return ResponseEntity.status(HttpStatus.OK).body(charges.refund(chargeId, cents(json, "amount"), key));
  }

  @PostMapping("/{chargeId}/update")
  Map<String, Object> update(
      @PathVariable String chargeId,
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = KEY, required = false) String key) {
    JsonNode json = optionalObject(body);
    return charges.update(
        chargeId, text(json, "order_id"), text(json, "shipping_carrier"), text(json, "shipping_confirmation"), key);
  }

  private JsonNode optionalObject(byte[] body) {
    return body == null || body.length == 0 ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        : bodies.object(body, "invalid_request");
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw AffirmErrors.invalid("invalid_field", field + " must be a string");
    }
    return value.asString();
  }

  /** Amounts are integer cents; 10.5 or "10.50" is refused. */
  private static Long cents(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw AffirmErrors.invalid("invalid_field", field + " must be an integer amount in cents");
    }
    return value.asLong();
  }
}
