package org.financingorchestrator.sandbox.merchant;

/** The merchant API refused a demo request, or could not be reached: what the shop shows instead. */
class DemoApiException extends RuntimeException {

  private final int status;

  DemoApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The API's HTTP status; 0 when it could not be reached. */
  int status() {
    return status;
  }
}
