package org.financingorchestrator.sandbox.common;

import java.util.Map;

/**
 * An error a simulated API answers on purpose. It is rendered in the error body of whichever
 * provider serves the request path (problem+json for the sandbox's own controls), so code that
 * raises it stays free of body formats. The message must never carry secrets or personal data.
 */
public class SandboxApiException extends RuntimeException {

  private final int status;
  private final String errorCode;
  private final Integer retryAfterSeconds;
  private final Map<String, String> headers;

  public SandboxApiException(int status, String errorCode, String message) {
    this(status, errorCode, message, null);
  }

  public SandboxApiException(
      int status, String errorCode, String message, Integer retryAfterSeconds) {
    // No stack trace: these are answers, not bugs, and are raised on every refused request.
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.retryAfterSeconds = retryAfterSeconds;
    this.headers = Map.of();
  }

  private SandboxApiException(SandboxApiException base, Map<String, String> headers) {
    super(base.getMessage(), null, false, false);
    this.status = base.status;
    this.errorCode = base.errorCode;
    this.retryAfterSeconds = base.retryAfterSeconds;
    this.headers = Map.copyOf(headers);
  }

  /** The same error answered with one more response header. */
  public SandboxApiException withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new SandboxApiException(this, more);
  }

  /** Extra response headers (WWW-Authenticate, ...). */
  public Map<String, String> headers() {
    return headers;
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  /** Seconds for a Retry-After header, or null for none. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
