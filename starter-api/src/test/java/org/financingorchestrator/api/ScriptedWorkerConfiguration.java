package org.financingorchestrator.api;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.financingorchestrator.api.afterpay.AfterpayFlowProperties;
import org.financingorchestrator.api.affirm.StubAffirmActivities;
import org.financingorchestrator.api.afterpay.ScriptedAfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflowImpl;
import org.financingorchestrator.api.chargeafter.FakeChargeAfterActivities;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflowImpl;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the scripted Afterpay workflow (and Affirm's and ChargeAfter's own, over stub and fake activities) on the in-process Temporal test server that the Temporal
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
    // Affirm's real workflow, over stub activities (workers must exist before the start); it
    // keeps the flows' search attributes up to date, as every real flow does.
    FlowSearchAttributes.DEFINITIONS.forEach(environment::registerSearchAttribute);
    Worker affirm = environment.newWorker(AffirmCheckoutWorkflow.TASK_QUEUE);
    affirm.registerWorkflowImplementationTypes(AffirmCheckoutWorkflowImpl.class);
    affirm.registerActivitiesImplementations(new StubAffirmActivities());
    // ChargeAfter's real workflow over fake activities.
    Worker chargeAfter = environment.newWorker(ChargeAfterSendLinkWorkflow.TASK_QUEUE);
    chargeAfter.registerWorkflowImplementationTypes(ChargeAfterSendLinkWorkflowImpl.class);
    chargeAfter.registerActivitiesImplementations(new FakeChargeAfterActivities());
    environment.start();
    return worker;
  }
}
