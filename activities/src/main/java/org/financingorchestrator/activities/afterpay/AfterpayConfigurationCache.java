package org.financingorchestrator.activities.afterpay;

import feign.TypedResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.financingorchestrator.activities.common.CacheControl;

/**
 * GET /v1/configuration, kept for as long as the answer's Cache-Control max-age allows (the
 * document says the configuration changes rarely and is meant to be cached); fetched every time
 * when the answer says no-store or no-cache or gives no max-age. Thread-safe: concurrent callers
 * on a stale entry wait for one fetch instead of each calling Afterpay. They wait on a
 * {@link ReentrantLock}, not a monitor: activities run on virtual threads from Java 21, and a
 * virtual thread blocked in I/O inside {@code synchronized} pins its carrier thread (JDK 21–23).
 */
public final class AfterpayConfigurationCache {

  private final AfterpayApi api;
  private final Clock clock;
  private final ReentrantLock fetching = new ReentrantLock();

  private List<AfterpayWire.PaymentConfiguration> configuration;
  private Instant freshUntil;

  public AfterpayConfigurationCache(AfterpayApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  public List<AfterpayWire.PaymentConfiguration> get() {
    fetching.lock();
    try {
      return freshOrFetched();
    } finally {
      fetching.unlock();
    }
  }

  private List<AfterpayWire.PaymentConfiguration> freshOrFetched() {
    // The age counts from before the request: conservative when the answer is slow.
    Instant requestedAt = clock.instant();
    if (configuration != null && requestedAt.isBefore(freshUntil)) {
      return configuration;
    }
    TypedResponse<List<AfterpayWire.PaymentConfiguration>> response = api.getConfiguration();
    List<AfterpayWire.PaymentConfiguration> fetched =
        response.body() == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(response.body()));
    Optional<Duration> freshFor = CacheControl.freshFor(response.headers());
    configuration = freshFor.isPresent() ? fetched : null;
    freshUntil = freshFor.map(requestedAt::plus).orElse(null);
    return fetched;
  }
}
