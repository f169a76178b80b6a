package org.financingorchestrator.worker.common;

import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Objects;
import org.financingorchestrator.workflows.common.TemporalReachability;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code temporal}: UP while the Temporal frontend answers, DOWN with the gRPC
 * status otherwise. In the readiness group only (see management.endpoint.health.group).
 */
@Component("temporalHealthIndicator")
public class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;

  public TemporalHealthIndicator(WorkflowServiceStubs stubs) {
    this.stubs = stubs;
  }

  @Override
  public Health health() {
    TemporalReachability.Answer answer = TemporalReachability.ask(stubs, TemporalReachability.DEADLINE);
    return (answer.reachable() ? Health.up() : Health.down())
        .withDetail("target", Objects.toString(answer.target(), "in-process"))
        .withDetail(answer.reachable() ? "server" : "reason", answer.detail())
        .build();
  }
}
