package org.financingorchestrator.sandbox.common;

import org.springframework.http.HttpStatus;

/** Error codes for statuses a provider document does not name a code for. */
public final class ErrorCodes {

  private ErrorCodes() {}

  /** "server_error" for any 5xx (the word the documents use), else the status name: "not_found". */
  public static String forStatus(int status) {
    if (status >= 500) {
      return "server_error";
    }
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "error_" + status : known.name().toLowerCase(java.util.Locale.ROOT);
  }
}
