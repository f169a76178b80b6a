package org.financingorchestrator.sandbox.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keys (a token, a requestId) whose request is being processed right now. A second request with the
 * same key while the first runs is refused, the way providers answer 409 conflict.
 */
public final class InFlightKeys {

  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  /** Runs work while holding key; a null key holds nothing. */
  public <T> T exclusively(String key, Supplier<T> work, Supplier<RuntimeException> conflict) {
    if (key == null) {
      return work.get();
    }
    if (!keys.add(key)) {
      throw conflict.get();
    }
    try {
      return work.get();
    } finally {
      keys.remove(key);
    }
  }
}
