package org.financingorchestrator.workflows.chargeafter;

import java.util.List;
import java.util.Map;

/**
 * A postback's body (final or data update) as the final-postback document lists it; the status
 * request answers the same fields. {@code token} is for checkout only, {@code error} null on
 * success. Holds personal data (consumerDetails): never in a status or a log.
 */
public record ChargeAfterPostback(
    String statusTrackingId,
    String applicationId,
    String correlationId,
    Map<String, Object> tags,
    String token,
    String consumerId,
    List<ChargeAfterCredit> availableCredit,
    ChargeAfterConsumer consumerDetails,
    ChargeAfterLender lender,
    ChargeAfterOrderInfo orderInfo,
    ChargeAfterError error) {

  @Override
  public String toString() {
    return "ChargeAfterPostback[statusTrackingId=" + statusTrackingId + ", applicationId=" + applicationId
        + ", error=" + (error == null ? null : error.code()) + "]";
  }
}
