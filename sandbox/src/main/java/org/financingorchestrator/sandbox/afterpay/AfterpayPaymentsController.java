package org.financingorchestrator.sandbox.afterpay;

import org.financingorchestrator.sandbox.common.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The /v1/payments resources: capture, get, list, refund and courier. */
@RestController
@RequestMapping(Afterpay.PATH_PREFIX + "/v1/payments")
class AfterpayPaymentsController {

  private static final String TOKEN_PREFIX = "token:";

  private final AfterpayPayments payments;
  private final AfterpayRefunds refunds;
  private final AfterpayFaults faults;
  private final JsonBodies bodies;

  AfterpayPaymentsController(
      AfterpayPayments payments,
      AfterpayRefunds refunds,
      AfterpayFaults faults,
      JsonBodies bodies) {
    this.payments = payments;
    this.refunds = refunds;
    this.faults = faults;
    this.bodies = bodies;
  }

  @PostMapping("/capture")
  ResponseEntity<AfterpayPayment> capture(@RequestBody(required = false) byte[] body) {
    JsonNode json = bodies.object(body, "bad_request");
    JsonNode token = json.get("token");
    String key = token != null && token.isString() ? token.stringValue() : null;
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            faults.exclusively(
                AfterpayOperation.CAPTURE, "token", key, () -> payments.capture(json)));
  }

  /** GET /v1/payments/{paymentId} and GET /v1/payments/token:{token}: one path segment. */
  @GetMapping("/{paymentIdOrToken}")
  AfterpayPayment get(@PathVariable String paymentIdOrToken) {
    return faults.around(
        AfterpayOperation.GET_PAYMENT,
        () ->
            paymentIdOrToken.startsWith(TOKEN_PREFIX)
                ? payments.getByToken(paymentIdOrToken.substring(TOKEN_PREFIX.length()))
                : payments.get(paymentIdOrToken));
  }

  @GetMapping
  AfterpayPaymentPage list(@RequestParam MultiValueMap<String, String> params) {
    return faults.around(
        AfterpayOperation.LIST_PAYMENTS, () -> payments.list(AfterpayPaymentQuery.from(params)));
  }

  @PostMapping("/{paymentId}/refund")
  ResponseEntity<AfterpayRefundResponse> refund(
      @PathVariable String paymentId, @RequestBody(required = false) byte[] body) {
    JsonNode json = bodies.object(body, "bad_request");
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            faults.exclusively(
                AfterpayOperation.REFUND,
                "request id",
                AfterpayRefunds.requestId(json),
                () -> refunds.refund(paymentId, json)));
  }

  @PutMapping("/{paymentId}/courier")
  AfterpayPayment courier(
      @PathVariable String paymentId, @RequestBody(required = false) byte[] body) {
    JsonNode json = bodies.object(body, "bad_request");
    return faults.around(AfterpayOperation.COURIER, () -> payments.updateCourier(paymentId, json));
  }
}
