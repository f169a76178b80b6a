package org.financingorchestrator.activities.flexiti;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.time.Clock;
import java.util.Collection;
import java.util.function.Consumer;
import org.financingorchestrator.activities.common.HttpStatuses;
import org.financingorchestrator.activities.common.ProviderErrorBody;
import org.financingorchestrator.activities.common.ProviderErrorDecoder;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;

/**
 * Flexiti's error classification. Retryable: 408, 429 and 5xx, and 401 invalid_token, after which
 * the refused token is dropped ({@code refusedToken}), so Temporal's retry goes with a renewed one.
 * Every other answer is final: 400 (wrong_input, invalid_client, invalid_request), other 401s, and
 * the 409s that are Flexiti's answers (not_found, user_not_active, user_not_able_to_purchase,
 * wrong_verification_code, not_enough_credit, secret_answer_mismatch, ...).
 */
final class FlexitiErrorDecoder extends ProviderErrorDecoder {

  static final String INVALID_TOKEN = "invalid_token";

  private final Consumer<String> refusedToken;

  FlexitiErrorDecoder(ObjectMapper objectMapper, Clock clock, Consumer<String> refusedToken) {
    super(
        FlexitiPurchaseWorkflow.PROVIDER,
        body -> {
          FlexitiWire.Error error = objectMapper.readValue(body, FlexitiWire.Error.class);
          if (error == null) {
            return null;
          }
          String message = error.message() != null && !error.message().isBlank() ? error.message() : error.errorDescription();
          return new ProviderErrorBody(error.error(), message, null);
        },
        FlexitiErrorDecoder::retryable,
        clock);
    this.refusedToken = refusedToken;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    if (response.status() == 401) {
      ProviderFailure failure = classify(response);
      if (INVALID_TOKEN.equals(failure.code())) {
        bearerOf(response).ifPresent(refusedToken);
        return new ProviderFailure(failure.provider(), failure.httpStatus(), failure.code(), failure.message(), null, true)
            .toApplicationFailure(null);
      }
      return failure.toApplicationFailure(null);
    }
    return super.decode(methodKey, response);
  }

  static boolean retryable(int status) {
    return status == HttpStatuses.REQUEST_TIMEOUT || HttpStatuses.isThrottledOrServerError(status);
  }

  private static java.util.Optional<String> bearerOf(Response response) {
    if (response.request() == null) {
      return java.util.Optional.empty();
    }
    Collection<String> values = response.request().headers().get(FlexitiBearer.AUTHORIZATION);
    if (values == null || values.isEmpty()) {
      return java.util.Optional.empty();
    }
    String value = values.iterator().next();
    return value.startsWith(FlexitiBearer.PREFIX)
        ? java.util.Optional.of(value.substring(FlexitiBearer.PREFIX.length()))
        : java.util.Optional.empty();
  }
}
