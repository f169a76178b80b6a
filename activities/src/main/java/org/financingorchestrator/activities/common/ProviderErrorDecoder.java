package org.financingorchestrator.activities.common;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntPredicate;
import org.financingorchestrator.workflows.common.ProviderFailure;

/**
 * Classifies every non-2xx answer of one provider once, where it arrives: a {@link
 * ProviderFailure} (the provider's code, message and error id when its body has them, {@code
 * http_<status>} otherwise) turned into the Temporal ApplicationFailure that the activity fails
 * with. Feign throws what this returns as it is.
 */
public class ProviderErrorDecoder implements ErrorDecoder {

  /** Error bodies are small; a larger one is not an error body worth reading whole. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  /** Reads a provider's error body; throws (or returns null) when the body is not one. */
  @FunctionalInterface
  public interface BodyReader {
    ProviderErrorBody read(byte[] body) throws IOException;
  }

  private final String provider;
  private final BodyReader bodyReader;
  private final IntPredicate retryableStatus;
  private final Clock clock;

  public ProviderErrorDecoder(
      String provider, BodyReader bodyReader, IntPredicate retryableStatus, Clock clock) {
    this.provider = provider;
    this.bodyReader = bodyReader;
    this.retryableStatus = retryableStatus;
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    return classify(response).toApplicationFailure(nextRetryDelay(response));
  }

  /** The provider failure this answer means. */
  public ProviderFailure classify(Response response) {
    int status = response.status();
    ProviderErrorBody body = readBody(response);
    String code = present(body == null ? null : body.code()) ? body.code() : "http_" + status;
    String message = present(body == null ? null : body.message()) ? body.message() : "HTTP " + status;
    String errorId = body == null ? null : body.errorId();
    return new ProviderFailure(provider, status, code, message, errorId, retryableStatus.test(status));
  }

  private Duration nextRetryDelay(Response response) {
    if (!retryableStatus.test(response.status())) {
      return null;
    }
    return RetryAfter.parse(firstHeader(response.headers(), "Retry-After"), clock);
  }

  private ProviderErrorBody readBody(Response response) {
    if (response.body() == null) {
      return null;
    }
    try (InputStream in = response.body().asInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
      return bytes.length == 0 ? null : bodyReader.read(bytes);
    } catch (IOException | RuntimeException notAnErrorBody) {
      // Empty, HTML from a proxy, truncated JSON: the status alone classifies it.
      return null;
    }
  }

  private static String firstHeader(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        return header.getValue().iterator().next();
      }
    }
    return null;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
