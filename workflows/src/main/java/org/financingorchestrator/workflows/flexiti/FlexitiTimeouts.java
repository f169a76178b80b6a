package org.financingorchestrator.workflows.flexiti;

import java.time.Duration;

/**
 * The one owner of Flexiti's timing: the document gives no timeouts, so these are ours (connect
 * 10 s, read 30 s); an activity's start-to-close is connect + read + a margin, so Temporal never
 * abandons an attempt the HTTP client still waits on. The token is renewed this long before
 * Flexiti's expires_in runs out.
 */
public record FlexitiTimeouts(Duration connect, Duration read) {

  public static final Duration MARGIN = Duration.ofSeconds(5);
  public static final Duration HEARTBEAT = Duration.ofSeconds(10);
  public static final Duration TOKEN_RENEWAL_AHEAD = Duration.ofSeconds(60);
  public static final FlexitiTimeouts DEFAULT = new FlexitiTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

  public Duration startToClose() {
    return connect.plus(read).plus(MARGIN);
  }
}
