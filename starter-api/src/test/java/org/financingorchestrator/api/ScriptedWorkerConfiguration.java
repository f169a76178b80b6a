package org.financingorchestrator.api;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.financingorchestrator.api.afterpay.AfterpayFlowProperties;
import org.financingorchestrator.api.afterpay.ScriptedAfterpayCheckoutWorkflow;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the scripted Afterpay workflow on the in-process Temporal test server that the Temporal
 * starter creates ({@code spring.temporal.test-server.enabled}), on the task queue the API uses.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedWorkerConfiguration {

  @Bean
  Worker scriptedAfterpayWorker(
      @Qualifier("temporalTestWorkflowEnvironment") TestWorkflowEnvironment environment,
      AfterpayFlowProperties properties) {
    Worker worker = environment.newWorker(properties.taskQueue());
    worker.registerWorkflowImplementationTypes(ScriptedAfterpayCheckoutWorkflow.class);
    environment.start();
    return worker;
  }
}
