package org.financingorchestrator.benchmark.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * A closed loop: {@code inFlight} merchants-and-shoppers, each starting its next flow as soon as
 * its last one ends, as load that arrives no faster than the system answers. A warm-up first,
 * then a measured window: a flow counts when it ends inside the window, and the processes are
 * measured over exactly the window.
 */
public final class ClosedLoop {

  private final String system;
  private final String provider;
  private final int inFlight;
  private final String referencePrefix;

  public ClosedLoop(String system, String provider, int inFlight, String referencePrefix) {
    this.system = system;
    this.provider = provider;
    this.inFlight = inFlight;
    this.referencePrefix = referencePrefix;
  }

  public LoadFigures run(FlowScript script, Duration warmUp, Duration window, Processes processes)
      throws InterruptedException {
    AtomicLong sequence = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    ConcurrentHistogram waits = new ConcurrentHistogram(3_600_000_000L, 3); // microseconds, up to an hour
    long windowStart = System.nanoTime() + warmUp.toNanos();
    long windowEnd = windowStart + window.toNanos();

    List<Thread> loops = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      Thread loop =
          new Thread(
              () -> {
                while (System.nanoTime() < windowEnd) {
                  String reference = referencePrefix + "-" + sequence.incrementAndGet();
                  FlowOutcome outcome;
                  try {
                    outcome = script.run(reference);
                  } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    outcome = FlowOutcome.failed(e.getClass().getSimpleName());
                  }
                  long end = System.nanoTime();
                  if (end < windowStart || end > windowEnd) {
                    continue;
                  }
                  if (outcome.completed()) {
                    completed.incrementAndGet();
                    waits.recordValue(Math.max(1, outcome.shopperWaitNanos() / 1_000));
                  } else {
                    failed.incrementAndGet();
                    failures.computeIfAbsent(outcome.error(), e -> new AtomicLong()).incrementAndGet();
                  }
                }
              },
              system + "-" + provider + "-" + i);
      loop.setDaemon(true);
      loops.add(loop);
      loop.start();
    }

    sleepUntil(windowStart);
    processes.start();
    sleepUntil(windowEnd);
    long flowsInWindow = completed.get();
    Map<String, Map<String, Double>> perFlow = processes.stop(flowsInWindow);
    for (Thread loop : loops) {
      loop.join(Duration.ofMinutes(7).toMillis()); // the longest a flow may take: the API's own waits
    }

    Map<String, Long> byReason = new TreeMap<>();
    failures.forEach((reason, count) -> byReason.put(reason, count.get()));
    double seconds = window.toNanos() / 1e9;
    return new LoadFigures(
        system,
        provider,
        inFlight,
        seconds,
        flowsInWindow,
        failed.get(),
        byReason,
        flowsInWindow / seconds,
        waits.getValueAtPercentile(50) / 1000.0,
        waits.getValueAtPercentile(95) / 1000.0,
        waits.getValueAtPercentile(99) / 1000.0,
        perFlow.get("cpu"),
        perFlow.get("allocated"));
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }
}
