package org.financingorchestrator.activities.flexiti;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merchant's log-in, once per language for the worker's life: its form_values (offer types
 * with plan ids and term options) validate requests before they are sent. A failed log-in is not
 * kept, so the next call tries again.
 */
final class FlexitiMerchantLogins {

  private final FlexitiApi api;
  private final FlexitiClientSettings settings;
  private final Map<String, FlexitiWire.MerchantLogin> byLanguage = new ConcurrentHashMap<>();

  FlexitiMerchantLogins(FlexitiApi api, FlexitiClientSettings settings) {
    this.api = api;
    this.settings = settings;
  }

  /** Callers of one language wait for the one log-in in flight. */
  FlexitiWire.MerchantLogin get(String language) {
    return byLanguage.computeIfAbsent(
        language,
        lang -> api.login(settings.clientId(), lang,
            new FlexitiWire.MerchantLoginRequest(settings.merchantUsername(), settings.merchantPassword())));
  }
}
