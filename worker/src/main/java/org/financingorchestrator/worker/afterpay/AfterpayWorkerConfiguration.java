package org.financingorchestrator.worker.afterpay;

import io.micrometer.core.instrument.MeterRegistry;
import org.financingorchestrator.activities.afterpay.AfterpayActivitiesImpl;
import org.financingorchestrator.activities.afterpay.AfterpayClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Afterpay activities, named as worker.yaml's activity-beans lists them. */
@Configuration(proxyBeanMethods = false)
public class AfterpayWorkerConfiguration {

  @Bean
  AfterpayActivitiesImpl afterpayActivities(AfterpayProviderProperties afterpay, MeterRegistry meterRegistry) {
    return AfterpayActivitiesImpl.create(
        new AfterpayClientSettings(afterpay.baseUrl(), afterpay.merchantId(), afterpay.secretKey()),
        meterRegistry);
  }
}
