package org.financingorchestrator.api.affirm;

import io.temporal.activity.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.financingorchestrator.workflows.affirm.AffirmActivities;
import org.financingorchestrator.workflows.affirm.AffirmAuthorization;
import org.financingorchestrator.workflows.affirm.AffirmCharge;
import org.financingorchestrator.workflows.affirm.AffirmChargeCall;
import org.financingorchestrator.workflows.affirm.AffirmChargeEvent;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;

/**
 * Affirm as the API tests need it behind the real Affirm workflow: every checkout authorizes
 * USD 61.00, except the token {@value #EXPIRED_TOKEN} (401 checkout-token-expired).
 */
public final class StubAffirmActivities implements AffirmActivities {

  public static final String EXPIRED_TOKEN = "EXPIRED-TOKEN";
  public static final Money AUTHORIZED = Money.of("61.00", "USD");

  private final AtomicInteger ids = new AtomicInteger();

  @Override
  public AffirmCharge authorize(AffirmAuthorization authorization) {
    if (EXPIRED_TOKEN.equals(authorization.checkoutToken())) {
      throw new ProviderFailure(
              AffirmCheckoutWorkflow.PROVIDER, 401, "checkout-token-expired", AffirmCheckoutWorkflow.AUTHORIZATION_MESSAGE, null, false)
          .toApplicationFailure(null);
    }
    return new AffirmCharge("CH-" + ids.incrementAndGet(), AUTHORIZED, AUTHORIZED, now().plus(Duration.ofDays(30)), authorization.orderId());
  }

  @Override
  public AffirmChargeEvent capture(AffirmChargeCall capture) {
    return event("capture", capture.amount());
  }

  @Override
  public AffirmChargeEvent voidCharge(AffirmChargeCall voidCall) {
    return event("void", null);
  }

  @Override
  public RefundRecord refund(AffirmChargeCall refund) {
    return new RefundRecord("RF-" + ids.incrementAndGet(), refund.idempotencyKey(), refund.merchantReference(), refund.amount(), now());
  }

  @Override
  public RefundRecord findRefund(AffirmChargeCall refund) {
    return refund(refund);
  }

  @Override
  public AffirmChargeEvent update(AffirmChargeCall update) {
    return event("update", null);
  }

  private AffirmChargeEvent event(String type, Money amount) {
    return new AffirmChargeEvent("EV-" + ids.incrementAndGet(), "tx", type, amount, now());
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Activity.getExecutionContext().getInfo().getCurrentAttemptScheduledTimestamp());
  }
}
