package org.financingorchestrator.activities.afterpay;

import feign.Request;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import org.financingorchestrator.activities.common.HttpStatuses;
import org.financingorchestrator.activities.common.InFlightHeartbeat;
import org.financingorchestrator.activities.common.MalformedAnswers;
import org.financingorchestrator.workflows.afterpay.AfterpayActivities;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayCreateOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayPayment;
import org.financingorchestrator.workflows.afterpay.AfterpayPaymentLimits;
import org.financingorchestrator.workflows.afterpay.AfterpayRefundCall;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;

/**
 * The Afterpay activities over {@link AfterpayApi}. Failures are already classified by the client
 * (ApplicationFailure with Afterpay's errorCode as type and a ProviderFailure as details) and pass
 * through untouched; a success answer that cannot be read or lacks what the flow needs fails as
 * malformed_response ({@link MalformedAnswers}). Logs nothing: the calls carry personal data and
 * the failures say enough.
 */
public final class AfterpayActivitiesImpl implements AfterpayActivities {

  /** Type of the failure when the workflow calls refund without its idempotency key. */
  public static final String MISSING_REQUEST_ID = "missing_request_id";

  private final AfterpayApi api;
  private final AfterpayConfigurationCache configuration;
  private final Request.Options captureOptions;

  public AfterpayActivitiesImpl(AfterpayApi api, AfterpayConfigurationCache configuration) {
    this(api, configuration, AfterpayTimeouts.DOCUMENTED);
  }

  AfterpayActivitiesImpl(
      AfterpayApi api, AfterpayConfigurationCache configuration, AfterpayTimeouts timeouts) {
    this.api = api;
    this.configuration = configuration;
    this.captureOptions = AfterpayApiFactory.captureOptions(timeouts);
  }

  /** The activities over a new client, with the system clock for the configuration cache. */
  public static AfterpayActivitiesImpl create(
      AfterpayClientSettings settings, MeterRegistry meterRegistry) {
    AfterpayApi api = AfterpayApiFactory.create(settings, meterRegistry);
    return new AfterpayActivitiesImpl(api, new AfterpayConfigurationCache(api, Clock.systemUTC()));
  }

  @Override
  public AfterpayPaymentLimits getConfiguration() {
    return read(() -> AfterpayWireMapper.limits(configuration.get()));
  }

  @Override
  public AfterpayOrder createOrder(AfterpayCreateOrder order) {
    return read(() -> AfterpayWireMapper.order(api.createOrder(AfterpayWireMapper.createOrderRequest(order))));
  }

  @Override
  public AfterpayPayment capture(String token, String merchantReference) {
    return read(
        () ->
            AfterpayWireMapper.payment(
                api.capture(new AfterpayWire.CaptureRequest(token, merchantReference), captureOptions)));
  }

  @Override
  public AfterpayPayment findPaymentByToken(String token) {
    try {
      return read(() -> AfterpayWireMapper.payment(api.getPaymentByToken(token)));
    } catch (ApplicationFailure failure) {
      boolean notFound =
          ProviderFailure.from(failure)
              .map(details -> details.httpStatus() == HttpStatuses.NOT_FOUND)
              .orElse(false);
      if (notFound) {
        return null;
      }
      throw failure;
    }
  }

  @Override
  public RefundRecord refund(AfterpayRefundCall refund) {
    if (refund.requestId() == null || refund.requestId().isBlank()) {
      // Inventing one here would give every retry a new key, and Afterpay could refund twice.
      throw ApplicationFailure.newNonRetryableFailure(
          "refund needs the workflow's requestId", MISSING_REQUEST_ID);
    }
    return read(
        () -> AfterpayWireMapper.refundRecord(refund, api.refund(refund.paymentId(), AfterpayWireMapper.refundRequest(refund))));
  }

  @Override
  public RefundRecord findRefund(AfterpayRefundCall refund) {
    return read(() -> AfterpayWireMapper.refundFound(refund, api.getPayment(refund.paymentId())));
  }

  @Override
  public void updateCourier(String paymentId, AfterpayCourier courier) {
    InFlightHeartbeat.during(
        () -> {
          api.updateCourier(paymentId, AfterpayWireMapper.courier(courier));
          return null;
        });
  }

  /** The call, heartbeating while in flight; an answer that cannot be read is classified. */
  private static <T> T read(java.util.function.Supplier<T> callAndMap) {
    return InFlightHeartbeat.during(() -> MalformedAnswers.read(AfterpayCheckoutWorkflow.PROVIDER, callAndMap));
  }
}
