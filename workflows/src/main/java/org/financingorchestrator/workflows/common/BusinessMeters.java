package org.financingorchestrator.workflows.common;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The business metrics' names, their own tags and their histograms' buckets, in one place: what
 * the workflows record ({@link FlowMetrics}, {@link PendingEffects}, {@link ProviderCallMetrics}),
 * what the worker exports and what the dashboard reads. Names are Micrometer's; Prometheus adds
 * {@code _total} to counters and {@code _seconds} to timers.
 *
 * <p>Recorded through Temporal's metrics scope, these meters would also carry the scope's tags
 * (namespace, task queue, workflow type, worker type, ...): {@link #filter} keeps only their own.
 */
public final class BusinessMeters {

  public static final String PREFIX = "financing_";
  public static final String TRANSITIONS = "financing_flow_transitions";
  public static final String STARTED = "financing_flows_started";
  public static final String ENDED = "financing_flows_ended";
  public static final String DURATION = "financing_flow_duration";
  public static final String WAIT = "financing_flow_wait";
  public static final String AMOUNT = "financing_flow_amount_minor_units";
  public static final String PENDING_EFFECTS = "financing_flow_pending_effects";
  public static final String CALLS_RETRIED = "financing_provider_calls_retried";
  public static final String CALLS_GIVEN_UP = "financing_provider_calls_given_up";

  static final String PROVIDER = "provider";
  static final String OUTCOME = "outcome";
  static final String WAITING_ON = "waiting_on";
  static final String SHOPPER = "shopper";
  static final String MERCHANT = "merchant";
  static final String AUTHORIZED = "authorized";
  static final String CAPTURED = "captured";
  static final String REFUNDED = "refunded";

  /** Each metric's own tags: nothing else is exported with it. */
  public static final Map<String, Set<String>> TAGS =
      Map.of(
          TRANSITIONS, Set.of(PROVIDER, "state"),
          STARTED, Set.of(PROVIDER),
          ENDED, Set.of(PROVIDER, OUTCOME),
          DURATION, Set.of(PROVIDER, OUTCOME),
          WAIT, Set.of(PROVIDER, WAITING_ON),
          AMOUNT, Set.of(PROVIDER, "currency", "effect"),
          PENDING_EFFECTS, Set.of(PROVIDER, "effect", "event"),
          CALLS_RETRIED, Set.of(PROVIDER, "call"),
          CALLS_GIVEN_UP, Set.of(PROVIDER, "call", "reason"));

  /**
   * Start to outcome: flows take seconds (a till, an API test) to days (a link the shopper opens
   * later, an authorization the merchant captures at shipping, up to Affirm's 30 days). ISO-8601.
   */
  public static final List<Duration> DURATION_BUCKETS =
      buckets("PT10S PT30S PT1M PT5M PT15M PT30M PT1H PT3H PT6H PT12H P1D P3D P7D P14D P30D");

  /**
   * One wait: a provider call takes a second or less, a retried one minutes; a shopper a few
   * minutes, or hours to days for a link; a merchant's capture days.
   */
  public static final List<Duration> WAIT_BUCKETS =
      buckets("PT1S PT5S PT15S PT30S PT1M PT5M PT15M PT30M PT1H PT3H PT12H P1D P3D P7D P30D");

  private BusinessMeters() {}

  private static List<Duration> buckets(String durations) {
    return Stream.of(durations.split(" ")).map(Duration::parse).toList();
  }

  /** Every metric's Prometheus series names, as a scrape shows them. */
  public static Set<String> prometheusNames() {
    Set<String> names = new HashSet<>();
    for (String name : TAGS.keySet()) {
      if (name.equals(DURATION) || name.equals(WAIT)) {
        Stream.of("_bucket", "_count", "_sum", "_max").forEach(suffix -> names.add(name + "_seconds" + suffix));
      } else {
        names.add(name + "_total");
      }
    }
    return names;
  }

  /**
   * Keeps only each business meter's own tags and {@code alsoKept} (the application's common
   * tags), and gives the two timers their SLO buckets instead of Micrometer's generic histogram.
   * Other meters pass unchanged.
   */
  public static MeterFilter filter(Set<String> alsoKept) {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        Set<String> own = TAGS.get(id.getName());
        if (own == null) {
          return id;
        }
        List<Tag> kept =
            id.getTags().stream().filter(t -> own.contains(t.getKey()) || alsoKept.contains(t.getKey())).toList();
        return id.replaceTags(kept);
      }

      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        List<Duration> buckets =
            id.getName().equals(DURATION) ? DURATION_BUCKETS : id.getName().equals(WAIT) ? WAIT_BUCKETS : null;
        if (buckets == null) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(false)
            .serviceLevelObjectives(buckets.stream().mapToDouble(d -> (double) d.toNanos()).toArray())
            .build()
            .merge(config);
      }
    };
  }
}
