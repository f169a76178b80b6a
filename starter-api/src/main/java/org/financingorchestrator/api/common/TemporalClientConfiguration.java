package org.financingorchestrator.api.common;

import io.grpc.Status;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.rpcretry.DefaultStubServiceOperationRpcRetryOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.time.Duration;
import org.financingorchestrator.workflows.common.TemporalReachability;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds how long the Temporal client keeps trying, so that an outage becomes a prompt 503, and
 * reports whether Temporal is reachable (readiness).
 */
@Configuration(proxyBeanMethods = false)
public class TemporalClientConfiguration {

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> boundedTemporalReach(
      TemporalClientProperties properties) {
    RpcRetryOptions retries = retries(properties.reachTimeout());
    return builder -> {
      builder.setRpcRetryOptions(retries);
      builder.setSystemInfoTimeout(properties.reachTimeout());
      return builder;
    };
  }

  /** Health contributor {@code temporal}, in the readiness group only (starter-api.yaml). */
  @Bean
  HealthIndicator temporalHealthIndicator(WorkflowServiceStubs stubs) {
    return () -> {
      TemporalReachability.Answer answer = TemporalReachability.ask(stubs, TemporalReachability.DEADLINE);
      return (answer.reachable() ? Health.up() : Health.down()).withDetails(answer.details()).build();
    };
  }

  /**
   * Retries within the reach timeout, except a request the server refused as invalid, such as a
   * payload over its size limit: sending it again cannot help. (The SDK already treats
   * INVALID_ARGUMENT and a message over the gRPC limit as final; said here so that it stays so.)
   */
  static RpcRetryOptions retries(Duration reachTimeout) {
    return DefaultStubServiceOperationRpcRetryOptions.getBuilder()
        .setExpiration(reachTimeout)
        .addDoNotRetry(Status.Code.INVALID_ARGUMENT, null)
        .validateBuildWithDefaults();
  }
}
