package org.financingorchestrator.sandbox.affirm;

import org.financingorchestrator.sandbox.common.ProviderErrorFormat;
import org.financingorchestrator.sandbox.common.SandboxApiException;

/**
 * Affirm's errors: {@code {status_code, type, code, message}}. The codes for the three
 * authorization failures follow the document's table; the others are this sandbox's names
 * (README, provider assumptions).
 */
final class AffirmErrors implements ProviderErrorFormat {

  @Override
  public Object body(int status, String errorCode, String message) {
    return new java.util.LinkedHashMap<>(
        java.util.Map.of(
            "status_code", status,
            "type", status == 401 ? "unauthorized" : status >= 500 ? "server_error" : "invalid_request",
            "code", errorCode,
            "message", message));
  }

  static SandboxApiException authorizationFailed() {
    return new SandboxApiException(400, "authorization-failed", Affirm.AUTHORIZATION_MESSAGE);
  }

  static SandboxApiException unauthorized() {
    return new SandboxApiException(401, "unauthorized", Affirm.AUTHORIZATION_MESSAGE);
  }

  static SandboxApiException checkoutTokenExpired() {
    return new SandboxApiException(401, "checkout-token-expired", Affirm.AUTHORIZATION_MESSAGE);
  }

  static SandboxApiException invalid(String code, String message) {
    return new SandboxApiException(400, code, message);
  }

  static SandboxApiException notFound(String what) {
    return new SandboxApiException(404, "not-found", what + " not found");
  }

  private AffirmErrors() {}

  static AffirmErrors format() {
    return new AffirmErrors();
  }
}
