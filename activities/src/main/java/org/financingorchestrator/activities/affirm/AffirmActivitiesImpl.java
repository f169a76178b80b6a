package org.financingorchestrator.activities.affirm;

import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;
import org.financingorchestrator.activities.common.InFlightHeartbeat;
import org.financingorchestrator.activities.common.MalformedAnswers;
import org.financingorchestrator.workflows.affirm.AffirmActivities;
import org.financingorchestrator.workflows.affirm.AffirmAuthorization;
import org.financingorchestrator.workflows.affirm.AffirmCharge;
import org.financingorchestrator.workflows.affirm.AffirmChargeCall;
import org.financingorchestrator.workflows.affirm.AffirmChargeEvent;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;

/**
 * The Affirm activities over {@link AffirmApi}. Failures arrive classified by the client and pass
 * through untouched; an answer that cannot be read or lacks what the flow needs fails as
 * malformed_response. A call without the workflow's Idempotency-Key is refused here: inventing one
 * would give every retry a new key. Logs nothing: the calls carry the shopper's checkout token.
 */
public final class AffirmActivitiesImpl implements AffirmActivities {

  /** Type of the failure when the workflow calls without its Idempotency-Key. */
  public static final String MISSING_IDEMPOTENCY_KEY = "missing_idempotency_key";

  private final AffirmApi api;

  public AffirmActivitiesImpl(AffirmApi api) {
    this.api = api;
  }

  public static AffirmActivitiesImpl create(AffirmClientSettings settings, MeterRegistry meterRegistry) {
    return new AffirmActivitiesImpl(AffirmApiFactory.create(settings, meterRegistry));
  }

  @Override
  public AffirmCharge authorize(AffirmAuthorization authorization) {
    String key = requireKey(authorization.idempotencyKey());
    return read(() -> AffirmWireMapper.charge(api.authorize(key, AffirmWireMapper.authorizeRequest(authorization))));
  }

  @Override
  public AffirmChargeEvent capture(AffirmChargeCall capture) {
    String key = requireKey(capture.idempotencyKey());
    return read(() -> AffirmWireMapper.event(api.capture(capture.chargeId(), key, AffirmWireMapper.captureRequest(capture))));
  }

  @Override
  public AffirmChargeEvent voidCharge(AffirmChargeCall voidCall) {
    String key = requireKey(voidCall.idempotencyKey());
    return read(() -> AffirmWireMapper.event(api.voidCharge(voidCall.chargeId(), key)));
  }

  @Override
  public RefundRecord refund(AffirmChargeCall refund) {
    String key = requireKey(refund.idempotencyKey());
    return read(() -> AffirmWireMapper.refundRecord(refund, api.refund(refund.chargeId(), key, AffirmWireMapper.refundRequest(refund))));
  }

  @Override
  public RefundRecord findRefund(AffirmChargeCall refund) {
    try {
      return refund(refund);
    } catch (ApplicationFailure failure) {
      boolean refused =
          ProviderFailure.from(failure)
              .map(f -> !f.retryable() && !ProviderFailure.MALFORMED_RESPONSE.equals(f.code()))
              .orElse(false);
      if (refused) {
        // The same key refused: Affirm has no refund for it, and will not make one.
        return null;
      }
      throw failure;
    }
  }

  @Override
  public AffirmChargeEvent update(AffirmChargeCall update) {
    String key = requireKey(update.idempotencyKey());
    return read(() -> AffirmWireMapper.event(api.update(update.chargeId(), key, AffirmWireMapper.updateRequest(update))));
  }

  private static String requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("Affirm calls need the workflow's Idempotency-Key", MISSING_IDEMPOTENCY_KEY);
    }
    return key;
  }

  private static <T> T read(Supplier<T> callAndMap) {
    return InFlightHeartbeat.during(() -> MalformedAnswers.read(AffirmCheckoutWorkflow.PROVIDER, callAndMap));
  }
}
