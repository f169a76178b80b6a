package org.financingorchestrator.activities.chargeafter;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.financingorchestrator.activities.common.InFlightHeartbeat;
import org.financingorchestrator.activities.common.MalformedAnswers;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterActivities;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterLinkSent;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkCall;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSessionStatus;

/**
 * The ChargeAfter activities over {@link ChargeAfterApi}. Failures arrive classified by the client
 * and pass through; an answer that cannot be read or lacks what the flow needs fails as
 * malformed_response. Logs nothing: the calls carry personal data and the private key.
 */
public final class ChargeAfterActivitiesImpl implements ChargeAfterActivities {

  private final ChargeAfterApi api;

  public ChargeAfterActivitiesImpl(ChargeAfterApi api) {
    this.api = api;
  }

  public static ChargeAfterActivitiesImpl create(ChargeAfterClientSettings settings, MeterRegistry meterRegistry) {
    return new ChargeAfterActivitiesImpl(ChargeAfterApiFactory.create(settings, meterRegistry));
  }

  @Override
  public ChargeAfterLinkSent sendLink(ChargeAfterSendLinkCall call) {
    return read(() -> ChargeAfterWireMapper.linkSent(call, api.sendLink(ChargeAfterWireMapper.sendLinkRequest(call))));
  }

  @Override
  public ChargeAfterSessionStatus sessionStatus(String statusTrackingId) {
    return read(() -> ChargeAfterWireMapper.sessionStatus(api.status(statusTrackingId)));
  }

  private static <T> T read(Supplier<T> callAndMap) {
    return InFlightHeartbeat.during(() -> MalformedAnswers.read(ChargeAfterSendLinkWorkflow.PROVIDER, callAndMap));
  }
}
