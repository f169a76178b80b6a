package org.financingorchestrator.api.common;

import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.rpcretry.DefaultStubServiceOperationRpcRetryOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bounds how long the Temporal client keeps trying, so that an outage becomes a prompt 503. */
@Configuration(proxyBeanMethods = false)
public class TemporalClientConfiguration {

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> boundedTemporalReach(
      TemporalClientProperties properties) {
    RpcRetryOptions retries =
        DefaultStubServiceOperationRpcRetryOptions.getBuilder()
            .setExpiration(properties.reachTimeout())
            .validateBuildWithDefaults();
    return builder -> {
      builder.setRpcRetryOptions(retries);
      builder.setSystemInfoTimeout(properties.reachTimeout());
      return builder;
    };
  }
}
