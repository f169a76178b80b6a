package org.financingorchestrator.workflows.affirm;

import java.time.Duration;

/**
 * The one owner of Affirm's timing facts. Affirm's document gives no timeouts: connect 10 s and
 * read 30 s are assumed (README, provider assumptions). The activities' start-to-close and the
 * HTTP client's timeouts are both built from here, so they cannot drift.
 */
public record AffirmTimeouts(Duration connect, Duration read) {

  public static final Duration MARGIN = Duration.ofSeconds(5);
  public static final Duration HEARTBEAT = Duration.ofSeconds(10);
  /** Every attempt of an authorization together: the shopper's browser waits on it. */
  public static final Duration AUTHORIZE_SCHEDULE = Duration.ofMinutes(2);

  public static final AffirmTimeouts DOCUMENTED = new AffirmTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

  public Duration startToClose() {
    return connect.plus(read).plus(MARGIN);
  }

  /**
   * How long the shopper's confirmation may take before the flow has decided: every authorize
   * attempt, a void of a mismatched amount, and a margin. The API's callback wait is derived from it.
   */
  public Duration shopperDecision() {
    return AUTHORIZE_SCHEDULE.plus(startToClose()).plus(startToClose()).plus(Duration.ofSeconds(20));
  }
}
