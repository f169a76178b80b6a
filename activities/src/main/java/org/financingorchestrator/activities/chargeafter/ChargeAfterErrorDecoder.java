package org.financingorchestrator.activities.chargeafter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.financingorchestrator.activities.common.HttpStatuses;
import org.financingorchestrator.activities.common.ProviderErrorBody;
import org.financingorchestrator.activities.common.ProviderErrorDecoder;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;

/**
 * ChargeAfter's error classification (the document gives none; the usual HTTP meaning is
 * assumed): 408, 429 (after Retry-After when given) and 5xx are retryable; every other status (400
 * a field, 401 the key, 404 an unknown statusTrackingId, ...) is final.
 */
final class ChargeAfterErrorDecoder extends ProviderErrorDecoder {

  ChargeAfterErrorDecoder(ObjectMapper objectMapper, Clock clock) {
    super(
        ChargeAfterSendLinkWorkflow.PROVIDER,
        body -> {
          ChargeAfterWire.ErrorBody error = objectMapper.readValue(body, ChargeAfterWire.ErrorBody.class);
          if (error == null) {
            return null;
          }
          return error.error() != null
              ? new ProviderErrorBody(error.error().code(), error.error().message(), null)
              : new ProviderErrorBody(error.code(), error.message(), null);
        },
        ChargeAfterErrorDecoder::retryable,
        clock);
  }

  static boolean retryable(int status) {
    return status == HttpStatuses.REQUEST_TIMEOUT || HttpStatuses.isThrottledOrServerError(status);
  }
}
