package org.financingorchestrator.benchmark.chargeafter;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.chargeafter.ChargeAfterActivitiesImpl;
import org.financingorchestrator.activities.chargeafter.ChargeAfterClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The ChargeAfter client as the worker builds it (ChargeAfterWorkerConfiguration), from providers.chargeafter. */
@Configuration(proxyBeanMethods = false)
class ChargeAfterDirectConfiguration {

  @Bean
  ChargeAfterActivitiesImpl chargeAfterActivities(Environment environment, MeterRegistry meterRegistry) {
    return ChargeAfterActivitiesImpl.create(
        Binder.get(environment).bindOrCreate("providers.chargeafter", ChargeAfterClientSettings.class), meterRegistry);
  }
}
