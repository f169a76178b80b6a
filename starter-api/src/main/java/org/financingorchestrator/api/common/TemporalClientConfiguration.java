package org.financingorchestrator.api.common;

import io.grpc.Status;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.rpcretry.DefaultStubServiceOperationRpcRetryOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bounds how long the Temporal client keeps trying, so that an outage becomes a prompt 503. */
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
