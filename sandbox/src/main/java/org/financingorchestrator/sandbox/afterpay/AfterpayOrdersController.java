package org.financingorchestrator.sandbox.afterpay;

import org.financingorchestrator.sandbox.common.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** POST /v1/orders and GET /v1/orders/{token}. */
@RestController
@RequestMapping(Afterpay.PATH_PREFIX + "/v1/orders")
class AfterpayOrdersController {

  private final AfterpayOrders orders;
  private final AfterpayFaults faults;
  private final JsonBodies bodies;

  AfterpayOrdersController(AfterpayOrders orders, AfterpayFaults faults, JsonBodies bodies) {
    this.orders = orders;
    this.faults = faults;
    this.bodies = bodies;
  }

  @PostMapping
  ResponseEntity<AfterpayOrderToken> create(@RequestBody(required = false) byte[] body) {
    JsonNode json = bodies.object(body, "bad_request");
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(faults.around(AfterpayOperation.CREATE_ORDER, () -> orders.create(json)));
  }

  @GetMapping("/{token}")
  AfterpayOrder get(@PathVariable String token) {
    return faults.around(AfterpayOperation.GET_ORDER, () -> orders.get(token));
  }
}
