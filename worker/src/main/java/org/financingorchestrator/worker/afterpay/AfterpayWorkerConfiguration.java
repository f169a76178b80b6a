package org.financingorchestrator.worker.afterpay;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.afterpay.AfterpayActivitiesImpl;
import org.financingorchestrator.activities.afterpay.AfterpayClientSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Afterpay activities, named as worker.yaml's activity-beans lists them, with the client's
 * settings bound straight from {@value #PROPERTIES} (PROVIDERS_AFTERPAY_BASE_URL,
 * PROVIDERS_AFTERPAY_MERCHANT_ID, PROVIDERS_AFTERPAY_SECRET_KEY): the activities' own record is
 * the one owner of what the client needs, and it refuses a blank value when the worker starts.
 */
@Configuration(proxyBeanMethods = false)
public class AfterpayWorkerConfiguration {

  static final String PROPERTIES = "providers.afterpay";

  @Bean
  AfterpayClientSettings afterpayClientSettings(Environment environment) {
    return Binder.get(environment).bindOrCreate(PROPERTIES, AfterpayClientSettings.class);
  }

  @Bean
  AfterpayActivitiesImpl afterpayActivities(AfterpayClientSettings afterpay, MeterRegistry meterRegistry) {
    return AfterpayActivitiesImpl.create(afterpay, meterRegistry);
  }
}
