package org.financingorchestrator.api.chargeafter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterActivities;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterLinkSent;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkCall;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSessionStatus;
import org.financingorchestrator.workflows.common.ProviderFailure;

/**
 * ChargeAfter as the API tests need it behind the real workflow: a send-link is accepted (its
 * call kept, by merchantOrderId, so a test can read the postback key and URLs it carried) unless
 * its merchantOrderId starts with {@value #REFUSED}; sessions never end by the status request.
 */
public class FakeChargeAfterActivities implements ChargeAfterActivities {

  static final String REFUSED = "refused-";
  static final Map<String, ChargeAfterSendLinkCall> CALLS = new ConcurrentHashMap<>();

  @Override
  public ChargeAfterLinkSent sendLink(ChargeAfterSendLinkCall call) {
    String order = call.request().merchantOrderId();
    if (order.startsWith(REFUSED)) {
      throw new ProviderFailure("chargeafter", 400, "INVALID_REQUEST", "[posId is unknown]", null, false).toApplicationFailure(null);
    }
    CALLS.put(order, call);
    String link = "redirectUrl".equals(call.request().sendUsing()) ? "http://localhost:8090/chargeafter/consumer/track-" + order : null;
    return new ChargeAfterLinkSent("track-" + order, link);
  }

  @Override
  public ChargeAfterSessionStatus sessionStatus(String statusTrackingId) {
    return new ChargeAfterSessionStatus(false, null);
  }
}
