package org.financingorchestrator.workflows.chargeafter;

import java.time.Duration;

/**
 * How long the flow waits, from the API's configuration (workflow code reads none).
 *
 * @param postbackWait how long after the link is sent the final postback may take before the flow
 *     asks the status request
 * @param firstStatusPoll the first pause between status requests; it doubles up to {@code maxStatusPoll}
 * @param deadline how long after the link is sent the flow gives up (EXPIRED)
 */
public record ChargeAfterWaits(Duration postbackWait, Duration firstStatusPoll, Duration maxStatusPoll, Duration deadline) {

  public static final ChargeAfterWaits DEFAULTS =
      new ChargeAfterWaits(Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(3));
}
