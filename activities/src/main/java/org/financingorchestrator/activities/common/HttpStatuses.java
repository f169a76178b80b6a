package org.financingorchestrator.activities.common;

/** Names for the HTTP statuses the providers' error classifications turn on. */
public final class HttpStatuses {

  public static final int NOT_FOUND = 404;
  public static final int REQUEST_TIMEOUT = 408;
  public static final int CONFLICT = 409;
  public static final int TOO_MANY_REQUESTS = 429;

  private HttpStatuses() {}

  public static boolean isServerError(int status) {
    return status >= 500 && status <= 599;
  }

  /** 429 and 5xx: the provider asks to come back later or failed on its side. */
  public static boolean isThrottledOrServerError(int status) {
    return status == TOO_MANY_REQUESTS || isServerError(status);
  }
}
