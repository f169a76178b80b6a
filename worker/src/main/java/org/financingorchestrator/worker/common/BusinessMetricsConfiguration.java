package org.financingorchestrator.worker.common;

import io.micrometer.core.instrument.config.MeterFilter;
import io.temporal.common.interceptors.WorkerInterceptor;
import java.util.Set;
import org.financingorchestrator.workflows.common.BusinessMeters;
import org.financingorchestrator.workflows.common.ProviderCallMetrics;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The flows' business metrics as the worker exports them: only their own tags (and the
 * application's common tags, {@code management.metrics.tags}), SLO buckets for their histograms,
 * and provider calls retried and given up counted for every worker (the starter applies every
 * WorkerInterceptor bean).
 */
@Configuration(proxyBeanMethods = false)
public class BusinessMetricsConfiguration {

  @Bean
  MeterFilter businessMeterFilter(MetricsProperties properties) {
    return BusinessMeters.filter(Set.copyOf(properties.getTags().keySet()));
  }

  @Bean
  WorkerInterceptor providerCallMetrics() {
    return new ProviderCallMetrics();
  }
}
