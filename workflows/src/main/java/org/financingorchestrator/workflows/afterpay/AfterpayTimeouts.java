package org.financingorchestrator.workflows.afterpay;

import java.time.Duration;

/**
 * The one owner of Afterpay's timing facts. The HTTP timeouts come from the document's
 * "Connection timeouts" tables (open 10 s and read 20 s for every resource, read 70 s for Capture
 * Payment); the activities' timeouts ({@link AfterpayActivityOptions}) and the HTTP client's are
 * both built from this record, so they cannot drift: an activity's start-to-close is connect +
 * read + {@link #MARGIN}, and Temporal never abandons an attempt the client still waits on.
 */
public record AfterpayTimeouts(Duration connect, Duration read, Duration captureRead) {

  public static final Duration CONNECT = Duration.ofSeconds(10);
  public static final Duration READ = Duration.ofSeconds(20);
  public static final Duration CAPTURE_READ = Duration.ofSeconds(70);
  /** Added to connect + read for an activity attempt's start-to-close. */
  public static final Duration MARGIN = Duration.ofSeconds(5);
  /**
   * How long every attempt of a capture may take together: the shopper's browser waits on it, so
   * it is bounded to a few minutes.
   */
  public static final Duration CAPTURE_SCHEDULE = Duration.ofMinutes(5);
  /**
   * How soon an attempt whose worker died is retried: activities heartbeat while their call is in
   * flight, so a dead worker is noticed after this, not after the whole start-to-close.
   */
  public static final Duration HEARTBEAT = Duration.ofSeconds(10);

  public static final AfterpayTimeouts DOCUMENTED = new AfterpayTimeouts(CONNECT, READ, CAPTURE_READ);

  /** Start-to-close of one attempt of every call but capture. */
  public Duration startToClose() {
    return connect.plus(read).plus(MARGIN);
  }

  /** Start-to-close of one capture attempt. */
  public Duration captureStartToClose() {
    return connect.plus(captureRead).plus(MARGIN);
  }

  /**
   * How long the shopper's return may take before the flow has decided: every capture attempt,
   * then one look-up of the token's payment when the capture's outcome stayed unknown, and a
   * margin for the workflow tasks between them. The API's shopper-return wait is derived from it,
   * so a slow capture still ends on the merchant's page rather than a 504.
   */
  public Duration shopperDecision() {
    return CAPTURE_SCHEDULE.plus(startToClose()).plus(Duration.ofSeconds(25));
  }
}
