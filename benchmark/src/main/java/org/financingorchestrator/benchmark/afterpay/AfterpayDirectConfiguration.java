package org.financingorchestrator.benchmark.afterpay;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.afterpay.AfterpayActivitiesImpl;
import org.financingorchestrator.activities.afterpay.AfterpayClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The Afterpay client as the worker builds it (AfterpayWorkerConfiguration), from providers.afterpay. */
@Configuration(proxyBeanMethods = false)
class AfterpayDirectConfiguration {

  @Bean
  AfterpayActivitiesImpl afterpayActivities(Environment environment, MeterRegistry meterRegistry) {
    return AfterpayActivitiesImpl.create(
        Binder.get(environment).bindOrCreate("providers.afterpay", AfterpayClientSettings.class), meterRegistry);
  }
}
