package org.financingorchestrator.sandbox.flexiti;

import org.financingorchestrator.sandbox.common.SandboxApiException;

/** The errors Flexiti's document lists, with its own codes and messages. */
final class FlexitiErrors {

  static final String NOT_ABLE =
      "We’re sorry, we aren’t able to proceed with your request right now. If you were trying to process a transaction"
          + " on an existing account, please call us at 1-877-259-3750. Otherwise, please check your internet connectivity"
          + " or restart your device before trying again.";

  private FlexitiErrors() {}

  static SandboxApiException invalidToken() {
    return new SandboxApiException(401, "invalid_token", "The access token provided is invalid.");
  }

  static SandboxApiException invalidClient() {
    return new SandboxApiException(400, "invalid_client", "Client credentials are invalid");
  }

  static SandboxApiException wrongInput(String what) {
    return new SandboxApiException(400, "wrong_input", "Some inputs are wrong! " + what);
  }

  static SandboxApiException conflict(String code, String message) {
    return new SandboxApiException(409, code, message);
  }

  static SandboxApiException notFound() {
    return conflict("not_found", "Customer not found");
  }

  static SandboxApiException notAbleToPurchase() {
    return conflict("user_not_able_to_purchase", NOT_ABLE);
  }
}
