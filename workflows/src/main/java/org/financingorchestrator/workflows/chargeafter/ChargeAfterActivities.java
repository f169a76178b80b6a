package org.financingorchestrator.workflows.chargeafter;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * ChargeAfter calls. Each fails with an ApplicationFailure whose type is ChargeAfter's error code
 * and whose details are a ProviderFailure, retryable or not as the client classified it.
 */
@ActivityInterface(namePrefix = "ChargeAfter")
public interface ChargeAfterActivities {

  /** POST omnichannel/send-link with the private key as Bearer. */
  @ActivityMethod
  ChargeAfterLinkSent sendLink(ChargeAfterSendLinkCall call);

  /** GET omnichannel/send-link/status/{statusTrackingId}. */
  @ActivityMethod
  ChargeAfterSessionStatus sessionStatus(String statusTrackingId);
}
