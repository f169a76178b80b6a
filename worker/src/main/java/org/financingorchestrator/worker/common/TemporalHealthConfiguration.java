package org.financingorchestrator.worker.common;

import io.temporal.serviceclient.WorkflowServiceStubs;
import org.financingorchestrator.workflows.common.TemporalReachability;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health contributor {@code temporal}: UP while the Temporal frontend answers, DOWN with the
 * reason. In the readiness group only (worker.yaml): a worker that cannot reach Temporal polls
 * nothing, and restarting it does not help.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalHealthConfiguration {

  @Bean
  HealthIndicator temporalHealthIndicator(WorkflowServiceStubs stubs) {
    return () -> {
      TemporalReachability.Answer answer = TemporalReachability.ask(stubs, TemporalReachability.DEADLINE);
      return (answer.reachable() ? Health.up() : Health.down()).withDetails(answer.details()).build();
    };
  }
}
