package org.financingorchestrator.workflows.chargeafter;

import java.time.Duration;

/**
 * The one owner of ChargeAfter's timing: the document gives none, so these are ours (connect 10 s,
 * read 30 s). The activity options and the HTTP client are both built from this record, so an
 * attempt's start-to-close (connect + read + {@link #MARGIN}) never ends before the client gives up.
 */
public record ChargeAfterTimeouts(Duration connect, Duration read) {

  public static final Duration MARGIN = Duration.ofSeconds(5);
  public static final Duration HEARTBEAT = Duration.ofSeconds(10);
  public static final ChargeAfterTimeouts CHOSEN = new ChargeAfterTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

  public Duration startToClose() {
    return connect.plus(read).plus(MARGIN);
  }
}
