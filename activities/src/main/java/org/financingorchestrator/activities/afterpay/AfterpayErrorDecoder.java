package org.financingorchestrator.activities.afterpay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.financingorchestrator.activities.common.HttpStatuses;
import org.financingorchestrator.activities.common.ProviderErrorBody;
import org.financingorchestrator.activities.common.ProviderErrorDecoder;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;

/**
 * Afterpay's error classification. Retryable: 408 (the request may or may not have been processed:
 * the idempotency key makes sending it again safe), 409 conflict (another request with the same
 * token or requestId is still being processed: the document calls it transient), 429 (after
 * Retry-After when given) and 5xx. Every other status is final: 400, 401, 402 declined /
 * invalid_token, 404, 406, 410, 412 precondition_failed, 422 invalid_amount / invalid_object, ...
 */
final class AfterpayErrorDecoder extends ProviderErrorDecoder {

  AfterpayErrorDecoder(ObjectMapper objectMapper, Clock clock) {
    super(
        AfterpayCheckoutWorkflow.PROVIDER,
        body -> {
          AfterpayWire.ErrorBody error = objectMapper.readValue(body, AfterpayWire.ErrorBody.class);
          return error == null ? null : new ProviderErrorBody(error.errorCode(), error.message(), error.errorId());
        },
        AfterpayErrorDecoder::retryable,
        clock);
  }

  static boolean retryable(int status) {
    return status == HttpStatuses.REQUEST_TIMEOUT
        || status == HttpStatuses.CONFLICT
        || HttpStatuses.isThrottledOrServerError(status);
  }
}
