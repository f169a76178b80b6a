package org.financingorchestrator.sandbox.afterpay;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.financingorchestrator.sandbox.common.DecimalAmounts;
import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.Ledger;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.stereotype.Service;

/**
 * What the shopper does on Afterpay's pages: approve, cancel or decline an order. The first step
 * counts; repeating any step answers the first one's redirect again.
 */
@Service
class AfterpayShopperSteps {

  private final AfterpayStore store;
  private final Ledger ledger;
  private final Clock clock;

  AfterpayShopperSteps(AfterpayStore store, Ledger ledger, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
  }

  Optional<AfterpayOrderRecord> find(String token) {
    return store.atomically(() -> store.order(token));
  }

  boolean expired(AfterpayOrderRecord order) {
    return order.expiredAt(clock.instant());
  }

  /** The redirect location after approving; captureOutcome and capturedAmount may be null. */
  String approve(String token, String captureOutcome, String capturedAmount) {
    FieldViolations v = new FieldViolations();
    AfterpayCaptureOutcome outcome = AfterpayCaptureOutcome.APPROVED;
    if (captureOutcome != null && !captureOutcome.isBlank()) {
      try {
        outcome = AfterpayCaptureOutcome.valueOf(captureOutcome);
      } catch (IllegalArgumentException e) {
        v.add("captureOutcome", "must be APPROVED or DECLINED");
      }
    }
    BigDecimal amount = null;
    if (capturedAmount != null && !capturedAmount.isBlank()) {
      amount = DecimalAmounts.parse(capturedAmount);
      if (amount == null || amount.signum() <= 0) {
        v.add(
            "capturedAmount",
            "must be a decimal number greater than 0.00 with at most 2 decimal places");
      }
    }
    if (!v.isEmpty()) {
      throw new SandboxApiException(400, "bad_request", v.summary());
    }
    return decide(
        token, new AfterpayShopperStep(AfterpayShopperDecision.APPROVED, outcome, amount));
  }

  String cancel(String token) {
    return decide(token, AfterpayShopperStep.of(AfterpayShopperDecision.CANCELLED));
  }

  String decline(String token) {
    return decide(token, AfterpayShopperStep.of(AfterpayShopperDecision.DECLINED));
  }

  private String decide(String token, AfterpayShopperStep step) {
    return store.atomically(
        () -> {
          AfterpayOrderRecord order =
              store.order(token).orElseThrow(() -> AfterpayErrors.notFound("Order"));
          if (order.shopperStep() != null) {
            return AfterpayRedirects.location(order);
          }
          if (order.expiredAt(clock.instant())) {
            throw AfterpayErrors.tokenExpired();
          }
          AfterpayOrderRecord decided = order.withShopperStep(step);
          store.putOrder(decided);
          ledger.append(step.decision().effect().event().reference("token", token));
          return AfterpayRedirects.location(decided);
        });
  }
}
