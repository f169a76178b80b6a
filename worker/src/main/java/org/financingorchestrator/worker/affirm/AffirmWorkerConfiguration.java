package org.financingorchestrator.worker.affirm;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.affirm.AffirmActivitiesImpl;
import org.financingorchestrator.activities.affirm.AffirmClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Affirm activities, named as worker.yaml's activity-beans lists them, with the client's
 * settings bound straight from {@value #PROPERTIES} (PROVIDERS_AFFIRM_BASE_URL,
 * PROVIDERS_AFFIRM_PUBLIC_API_KEY, PROVIDERS_AFFIRM_PRIVATE_API_KEY); a blank value stops the
 * worker at start.
 */
@Configuration(proxyBeanMethods = false)
public class AffirmWorkerConfiguration {

  static final String PROPERTIES = "providers.affirm";

  @Bean
  AffirmClientSettings affirmClientSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(PROPERTIES, AffirmClientSettings.class);
  }

  @Bean
  AffirmActivitiesImpl affirmActivities(AffirmClientSettings affirm, MeterRegistry meterRegistry) {
    return AffirmActivitiesImpl.create(affirm, meterRegistry);
  }
}
