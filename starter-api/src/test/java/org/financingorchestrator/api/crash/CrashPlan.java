package org.financingorchestrator.api.crash;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of the crash suite does. The defaults are the short run of {@code ./mvnw verify};
 * the long run sets more with system properties (README, "Reliability"):
 *
 * <pre>
 *   crash.flows            flows started at least, spread evenly over the providers and their ends
 *                          (200); more start, at the same pace, while crashes are still to come
 *   crash.providers        which providers, comma-separated (all)
 *   crash.duration         how long flows keep being started, ISO-8601 (PT100S)
 *   crash.concurrency      flows driven at once, at most (24)
 *   crash.worker-kills     SIGKILLs of a worker with a provider call in flight (3)
 *   crash.api-kills        SIGKILLs of starter-api while callers are calling (1)
 *   crash.server-restarts  restarts of the Temporal dev server on its database (1)
 *   crash.graceful-stops   SIGTERMs of starter-api (callbacks waiting) and of a worker (a call in flight), each (1)
 *   crash.latency          how long each provider call takes in the sandbox (PT0.3S)
 *   crash.expiry           how long flows wait for a shopper or clerk who never comes (PT40S)
 *   crash.fault-rounds     rounds of provider faults, one kind each, on every provider call (4)
 * </pre>
 */
public record CrashPlan(
    int flows,
    List<String> providers,
    Duration duration,
    int concurrency,
    int workerKills,
    int apiKills,
    int serverRestarts,
    int gracefulStops,
    Duration latency,
    Duration expiry,
    int faultRounds) {

  public static CrashPlan fromSystemProperties(List<String> allProviders) {
    String providers = System.getProperty("crash.providers", "");
    return new CrashPlan(
        Integer.getInteger("crash.flows", 200),
        providers.isBlank() ? allProviders : Arrays.stream(providers.split(",")).map(String::trim).toList(),
        Duration.parse(System.getProperty("crash.duration", "PT100S")),
        Integer.getInteger("crash.concurrency", 24),
        Integer.getInteger("crash.worker-kills", 3),
        Integer.getInteger("crash.api-kills", 1),
        Integer.getInteger("crash.server-restarts", 1),
        Integer.getInteger("crash.graceful-stops", 1),
        Duration.parse(System.getProperty("crash.latency", "PT0.3S")),
        Duration.parse(System.getProperty("crash.expiry", "PT40S")),
        Integer.getInteger("crash.fault-rounds", 4));
  }

  /** The command line that repeats this plan. */
  public String asProperties() {
    return String.format(
        "-Dcrash.flows=%d -Dcrash.providers=%s -Dcrash.duration=%s -Dcrash.concurrency=%d -Dcrash.worker-kills=%d"
            + " -Dcrash.api-kills=%d -Dcrash.server-restarts=%d -Dcrash.graceful-stops=%d -Dcrash.latency=%s -Dcrash.expiry=%s -Dcrash.fault-rounds=%d",
        flows, String.join(",", providers), duration, concurrency, workerKills, apiKills, serverRestarts, gracefulStops, latency, expiry, faultRounds);
  }
}
