package org.financingorchestrator.sandbox.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Providers that are down for a while (a fault's {@code downForSeconds}): every operation of a
 * provider that is down answers 503 until its time is up, as a real outage right after an effect
 * would. Thread-safe.
 */
@Component
public class ProviderOutages implements SandboxState {

  private final Clock clock;
  private final Map<String, Instant> downUntil = new HashMap<>();

  public ProviderOutages(Clock clock) {
    this.clock = clock;
  }

  public synchronized void down(String provider, Duration howLong) {
    downUntil.merge(provider, clock.instant().plus(howLong), (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Answers 503 (with Retry-After: the seconds left) while the provider is down. */
  public synchronized void requireUp(String provider) {
    Instant until = downUntil.get(provider);
    if (until == null) {
      return;
    }
    Duration left = Duration.between(clock.instant(), until);
    if (left.isNegative() || left.isZero()) {
      downUntil.remove(provider);
      return;
    }
    throw new SandboxApiException(
        503, ErrorCodes.forStatus(503), "Injected outage: " + provider + " is down", null);
  }

  @Override
  public synchronized void clear() {
    downUntil.clear();
  }
}
