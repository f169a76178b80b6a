package org.financingorchestrator.api;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.financingorchestrator.api.afterpay.AfterpayFlowProperties;
import org.financingorchestrator.api.afterpay.ScriptedAfterpayCheckoutWorkflow;
import org.financingorchestrator.api.chargeafter.FakeChargeAfterActivities;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflowImpl;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the scripted Afterpay workflow (and ChargeAfter's real one over fake activities) on the in-process Temporal test server that the Temporal
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
    // ChargeAfter's real workflow over fake activities: workers must exist before the start.
    // The real workflow upserts the flows' search attributes: the test server must know them.
    FlowSearchAttributes.DEFINITIONS.forEach(environment::registerSearchAttribute);
    Worker chargeAfter = environment.newWorker(ChargeAfterSendLinkWorkflow.TASK_QUEUE);
    chargeAfter.registerWorkflowImplementationTypes(ChargeAfterSendLinkWorkflowImpl.class);
    chargeAfter.registerActivitiesImplementations(new FakeChargeAfterActivities());
    environment.start();
    return worker;
  }
}
