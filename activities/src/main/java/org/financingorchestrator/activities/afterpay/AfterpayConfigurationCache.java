package org.financingorchestrator.activities.afterpay;

import feign.TypedResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.financingorchestrator.activities.common.CacheControl;

/**
 * GET /v1/configuration, kept for as long as the answer's Cache-Control max-age allows (the
 * document says the configuration changes rarely and is meant to be cached); fetched every time
 * when the answer says no-store or no-cache or gives no max-age. Thread-safe: concurrent callers
 * on a stale entry wait for one fetch instead of each calling Afterpay.
 */
public final class AfterpayConfigurationCache {

  private final AfterpayApi api;
  private final Clock clock;

  private List<AfterpayWire.PaymentConfiguration> configuration;
  private Instant freshUntil;

  public AfterpayConfigurationCache(AfterpayApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  public synchronized List<AfterpayWire.PaymentConfiguration> get() {
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
