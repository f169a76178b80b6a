package org.financingorchestrator.benchmark.afterpay;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.financingorchestrator.activities.afterpay.AfterpayActivitiesImpl;
import org.financingorchestrator.workflows.afterpay.AfterpayCallbacks;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayCreateOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayPayment;
import org.financingorchestrator.workflows.afterpay.AfterpayPaymentLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Afterpay checkout without orchestration: the flow's calls in the flow's order (the
 * configuration's limits, the order, then on the shopper's return the capture), answered as
 * starter-api answers (201 with the token, then 303 to the merchant's page).
 */
@RestController
@RequestMapping("/direct/afterpay")
class AfterpayDirectController {

  private final AfterpayActivitiesImpl afterpay;
  private final String publicBase;
  private final Map<String, AfterpayCheckoutRequest> awaitingShopper = new ConcurrentHashMap<>();

  AfterpayDirectController(AfterpayActivitiesImpl afterpay, @Value("${direct.public-base-url}") String publicBase) {
    this.afterpay = afterpay;
    this.publicBase = publicBase;
  }

  @PostMapping("/checkouts")
  ResponseEntity<Map<String, Object>> create(@RequestBody AfterpayCheckoutRequest checkout) {
    AfterpayPaymentLimits limits = afterpay.getConfiguration();
    if (!limits.allows(checkout.totalAmount())) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("code", "amount_outside_limits"));
    }
    String reference = URLEncoder.encode(checkout.merchantReference(), StandardCharsets.UTF_8);
    AfterpayOrder order =
        afterpay.createOrder(
            new AfterpayCreateOrder(
                checkout,
                new AfterpayCallbacks(
                    publicBase + "/direct/afterpay/confirm?reference=" + reference,
                    publicBase + "/direct/afterpay/cancel?reference=" + reference)));
    awaitingShopper.put(order.token(), checkout);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("token", order.token(), "expires", order.expires().toString()));
  }

  @GetMapping("/confirm")
  ResponseEntity<Void> confirm(@RequestParam String orderToken, @RequestParam String status) {
    AfterpayCheckoutRequest checkout = awaitingShopper.remove(orderToken);
    if (checkout == null) {
      return ResponseEntity.badRequest().build();
    }
    AfterpayPayment payment = afterpay.capture(orderToken, checkout.merchantReference());
    String outcome = payment.approved() ? "CAPTURED" : "DECLINED";
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create(checkout.merchant().redirectConfirmUrl() + "?status=" + outcome))
        .build();
  }
}
