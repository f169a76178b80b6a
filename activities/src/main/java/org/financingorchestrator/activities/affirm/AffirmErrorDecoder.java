package org.financingorchestrator.activities.affirm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.financingorchestrator.activities.common.HttpStatuses;
import org.financingorchestrator.activities.common.ProviderErrorBody;
import org.financingorchestrator.activities.common.ProviderErrorDecoder;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;

/**
 * Affirm's error classification. Retryable: 408 (the Idempotency-Key makes sending again safe),
 * 429 (after Retry-After when given) and 5xx. Every other status is final: 400 (authorization
 * failed, a state rule), 401 (unauthorized, checkout token expired), 404, 409, 422, ...
 */
final class AffirmErrorDecoder extends ProviderErrorDecoder {

  AffirmErrorDecoder(ObjectMapper objectMapper, Clock clock) {
    super(
        AffirmCheckoutWorkflow.PROVIDER,
        body -> {
          AffirmWire.ErrorBody error = objectMapper.readValue(body, AffirmWire.ErrorBody.class);
          return error == null ? null : new ProviderErrorBody(error.code(), error.message(), null);
        },
        AffirmErrorDecoder::retryable,
        clock);
  }

  static boolean retryable(int status) {
    return status == HttpStatuses.REQUEST_TIMEOUT || HttpStatuses.isThrottledOrServerError(status);
  }
}
