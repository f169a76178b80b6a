package org.financingorchestrator.sandbox.afterpay;

import org.financingorchestrator.sandbox.common.FieldViolations;
import org.financingorchestrator.sandbox.common.SandboxApiException;

/** The errors the document names, with its codes and wording. */
final class AfterpayErrors {

  private AfterpayErrors() {}

  static SandboxApiException invalidObject(FieldViolations violations) {
    return new SandboxApiException(422, "invalid_object", violations.summary());
  }

  static SandboxApiException unauthorized() {
    return new SandboxApiException(
        401, "unauthorized", "Full authentication is required to access this resource");
  }

  static SandboxApiException notFound(String what) {
    return new SandboxApiException(404, "not_found", what + " not found");
  }

  static SandboxApiException invalidToken() {
    return new SandboxApiException(
        402, "invalid_token", "Cannot complete payment, expired or invalid token.");
  }

  static SandboxApiException declined() {
    return new SandboxApiException(402, "declined", "Payment transaction declined.");
  }

  static SandboxApiException conflict(String key) {
    return new SandboxApiException(
        409, "conflict", "Another request for the same " + key + " is currently being processed.");
  }

  static SandboxApiException tokenExpired() {
    return new SandboxApiException(410, "invalid_token", "The order token has expired.");
  }

  static SandboxApiException preconditionFailed() {
    return new SandboxApiException(
        412,
        "precondition_failed",
        "The paymentId was not found or was not eligible for a refund.");
  }

  static SandboxApiException invalidAmount() {
    return new SandboxApiException(
        422,
        "invalid_amount",
        "The sum of all refunds for the given payment, including the new refund, exceed the"
            + " initial payment amount.");
  }
}
