package org.financingorchestrator.benchmark.flexiti;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.flexiti.FlexitiActivitiesImpl;
import org.financingorchestrator.activities.flexiti.FlexitiClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Flexiti client as the worker builds it (FlexitiWorkerConfiguration), from providers.flexiti. */
@Configuration(proxyBeanMethods = false)
class FlexitiDirectConfiguration {

  @Bean
  FlexitiActivitiesImpl flexitiActivities(Environment environment, MeterRegistry meterRegistry) {
    return FlexitiActivitiesImpl.create(
        Binder.get(environment).bindOrCreate("providers.flexiti", FlexitiClientSettings.class), meterRegistry);
  }
}
