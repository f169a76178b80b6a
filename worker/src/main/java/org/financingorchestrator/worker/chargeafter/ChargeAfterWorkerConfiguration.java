package org.financingorchestrator.worker.chargeafter;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.chargeafter.ChargeAfterActivitiesImpl;
import org.financingorchestrator.activities.chargeafter.ChargeAfterClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The ChargeAfter activities, named as worker.yaml's activity-beans lists them, with the client's
 * settings bound from {@value #PROPERTIES} (PROVIDERS_CHARGEAFTER_BASE_URL,
 * PROVIDERS_CHARGEAFTER_PRIVATE_KEY); a blank key refuses the worker's start.
 */
@Configuration(proxyBeanMethods = false)
public class ChargeAfterWorkerConfiguration {

  static final String PROPERTIES = "providers.chargeafter";

  @Bean
  ChargeAfterClientSettings chargeAfterClientSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(PROPERTIES, ChargeAfterClientSettings.class);
  }

  @Bean
  ChargeAfterActivitiesImpl chargeAfterActivities(ChargeAfterClientSettings chargeAfter, MeterRegistry meterRegistry) {
    return ChargeAfterActivitiesImpl.create(chargeAfter, meterRegistry);
  }
}
