package org.financingorchestrator.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.MetricsType;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.Map;
import java.util.Set;

/**
 * A time-skipping test environment whose metrics land in a Micrometer registry filtered as the
 * worker's is ({@link BusinessMeters#filter}), with the worker's {@link ProviderCallMetrics}. No
 * workflow is cached: every workflow task replays the history from its start, so a metric that
 * replay recorded again would show twice.
 */
public final class MeteredTestEnvironment implements AutoCloseable {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Scope scope;
  private final TestWorkflowEnvironment env;

  public MeteredTestEnvironment() {
    registry.config().meterFilter(BusinessMeters.filter(Set.of()));
    scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(3600));
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setMetricsScope(scope)
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkflowCacheSize(0)
                        .setWorkerInterceptors(new ProviderCallMetrics())
                        .build())
                .build());
    FlowSearchAttributes.DEFINITIONS.forEach(env::registerSearchAttribute);
  }

  public TestWorkflowEnvironment env() {
    return env;
  }

  /** Reports what the scope holds (Temporal reports counters on an interval) and stops it. */
  public SimpleMeterRegistry flushed() {
    try {
      scope.close();
    } catch (com.uber.m3.tally.ScopeCloseException e) {
      throw new IllegalStateException(e);
    }
    return registry;
  }

  /** How many workflow tasks replayed history (Temporal times each replay): proves replay happened. */
  public static long replays(SimpleMeterRegistry registry) {
    return registry.find(MetricsType.WORKFLOW_TASK_REPLAY_LATENCY).timers().stream().mapToLong(Timer::count).sum();
  }

  /** The counter's value; 0 when never counted. Its tags must be exactly these. */
  public static double count(SimpleMeterRegistry registry, String name, Map<String, String> tags) {
    Counter counter = registry.find(name).tags(flat(tags)).counter();
    if (counter == null) {
      return 0;
    }
    assertOwnTags(counter, tags);
    return counter.count();
  }

  /**
   * The money counted for {@code provider}, USD and {@code effect}, in minor units. Micrometer
   * counters are doubles; the flows count whole minor units, so the value must be whole and is
   * read back as the exact number it is.
   */
  public static long amountMinorUnits(SimpleMeterRegistry registry, String provider, String effect) {
    double counted =
        count(registry, BusinessMeters.AMOUNT, Map.of("provider", provider, "currency", "USD", "effect", effect));
    long minorUnits = (long) counted;
    assertThat(counted).as("counted whole minor units").isEqualTo((double) minorUnits);
    return minorUnits;
  }

  /** The timer with exactly these tags, or null. */
  public static Timer timer(SimpleMeterRegistry registry, String name, Map<String, String> tags) {
    Timer timer = registry.find(name).tags(flat(tags)).timer();
    if (timer != null) {
      assertOwnTags(timer, tags);
    }
    return timer;
  }

  private static void assertOwnTags(Meter meter, Map<String, String> tags) {
    if (meter.getId().getTags().size() != tags.size()) {
      throw new AssertionError(meter.getId() + " carries other tags than " + tags);
    }
  }

  private static String[] flat(Map<String, String> tags) {
    return tags.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
  }

  @Override
  public void close() {
    env.close();
  }
}
