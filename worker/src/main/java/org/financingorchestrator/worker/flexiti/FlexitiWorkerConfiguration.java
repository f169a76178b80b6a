package org.financingorchestrator.worker.flexiti;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.flexiti.FlexitiActivitiesImpl;
import org.financingorchestrator.activities.flexiti.FlexitiClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Flexiti activities, named as worker.yaml's activity-beans lists them, with the client's
 * settings bound from {@value #PROPERTIES} (PROVIDERS_FLEXITI_BASE_URL, PROVIDERS_FLEXITI_CLIENT_ID,
 * PROVIDERS_FLEXITI_CLIENT_SECRET, PROVIDERS_FLEXITI_MERCHANT_USERNAME,
 * PROVIDERS_FLEXITI_MERCHANT_PASSWORD). One bean, so every Flexiti flow of this worker shares one
 * bearer token and one merchant log-in per language.
 */
@Configuration(proxyBeanMethods = false)
public class FlexitiWorkerConfiguration {

  static final String PROPERTIES = "providers.flexiti";

  @Bean
  FlexitiClientSettings flexitiClientSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(PROPERTIES, FlexitiClientSettings.class);
  }

  @Bean
  FlexitiActivitiesImpl flexitiActivities(FlexitiClientSettings flexiti, MeterRegistry meterRegistry) {
    return FlexitiActivitiesImpl.create(flexiti, meterRegistry);
  }
}
