package org.financingorchestrator.benchmark.affirm;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.affirm.AffirmActivitiesImpl;
import org.financingorchestrator.activities.affirm.AffirmClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Affirm client as the worker builds it (AffirmWorkerConfiguration), from providers.affirm. */
@Configuration(proxyBeanMethods = false)
class AffirmDirectConfiguration {

  @Bean
  AffirmActivitiesImpl affirmActivities(Environment environment, MeterRegistry meterRegistry) {
    return AffirmActivitiesImpl.create(
        Binder.get(environment).bindOrCreate("providers.affirm", AffirmClientSettings.class), meterRegistry);
  }
}
