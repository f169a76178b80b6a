package org.financingorchestrator.workflows.flexiti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.count;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.workflows.common.BusinessMeters;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.MeteredTestEnvironment;
import org.financingorchestrator.workflows.common.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Flexiti return is a flow of its own: its outcome is REFUNDED, its amount refunded. */
class FlexitiMetricsTest {

  private final MeteredTestEnvironment metered = new MeteredTestEnvironment();

  @AfterEach
  void tearDown() {
    metered.close();
  }

  @Test
  void aReturnEndsRefundedWithItsAmount() {
    TestWorkflowEnvironment env = metered.env();
    Worker worker = env.newWorker(FlexitiWorkflowTest.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(FlexitiReturnWorkflowImpl.class);
    FlexitiActivities flexiti = mock(FlexitiActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(flexiti);
    env.start();
    when(flexiti.lookUp(any(), anyString())).thenReturn(new FlexitiCustomer("43353", "20035156", cad("3799.95")));
    when(flexiti.purchases("43353")).thenReturn(List.of(new FlexitiPurchase("167635", "Posted", cad("1200.05"), "EMP")));
    when(flexiti.postReturn(any())).thenReturn("167640");
    FlexitiReturnRequest request =
        new FlexitiReturnRequest("rt-0001", FlexitiCustomerKey.byVcc("6374980100408234"), "167635", cad("200.05"), "en");
    FlexitiReturnWorkflow flow =
        env.getWorkflowClient()
            .newWorkflowStub(
                FlexitiReturnWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("flexiti-shopa-rt-0001")
                    .setTaskQueue(FlexitiWorkflowTest.TASK_QUEUE)
                    .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                    .build());

    FlexitiReturnAnswer answer =
        WorkflowClient.executeUpdateWithStart(
            flow::returned,
            FlexitiPurchaseDigest.ofReturn(request),
            UpdateOptions.<FlexitiReturnAnswer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
            new WithStartWorkflowOperation<>(flow::run, new FlexitiReturnInput(request, "shopa")));

    assertThat(answer.state()).isEqualTo(FlowState.REFUNDED);
    SimpleMeterRegistry registry = metered.flushed();
    assertThat(count(registry, BusinessMeters.STARTED, Map.of("provider", "flexiti"))).isEqualTo(1);
    assertThat(count(registry, BusinessMeters.ENDED, Map.of("provider", "flexiti", "outcome", "REFUNDED"))).isEqualTo(1);
    assertThat(count(registry, BusinessMeters.AMOUNT, Map.of("provider", "flexiti", "currency", "CAD", "effect", "refunded")))
        .isEqualTo(20005);
    assertThat(count(registry, BusinessMeters.AMOUNT, Map.of("provider", "flexiti", "currency", "CAD", "effect", "authorized")))
        .isZero();
  }

  private static Money cad(String amount) {
    return Money.of(amount, "CAD");
  }
}
