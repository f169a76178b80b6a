package org.financingorchestrator.workflows.chargeafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.approved;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.checkout;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.input;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.count;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.timer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.workflows.common.BusinessMeters;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.MeteredTestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A ChargeAfter link the consumer opens hours later: approved, the cart's total authorized. */
class ChargeAfterMetricsTest {

  private static final String TRACKING = "tracking-m1";
  private final MeteredTestEnvironment metered = new MeteredTestEnvironment();

  @AfterEach
  void tearDown() {
    metered.close();
  }

  @Test
  void anApprovalHoursLaterEndsApprovedAfterWaitingOnTheShopper() {
    TestWorkflowEnvironment env = metered.env();
    Worker worker = env.newWorker("chargeafter-metrics-test");
    worker.registerWorkflowImplementationTypes(ChargeAfterSendLinkWorkflowImpl.class);
    ChargeAfterActivities chargeAfter = mock(ChargeAfterActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(chargeAfter);
    env.start();
    when(chargeAfter.sendLink(any())).thenReturn(new ChargeAfterLinkSent(TRACKING, "https://chargeafter.example/l/" + TRACKING));
    when(chargeAfter.sessionStatus(anyString())).thenReturn(new ChargeAfterSessionStatus(false, null));
    ChargeAfterSendLinkRequest request = checkout("order-m1");
    ChargeAfterSendLinkWorkflow flow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ChargeAfterSendLinkWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ChargeAfterSendLinks.flowId("order-m1"))
                    .setTaskQueue("chargeafter-metrics-test")
                    .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                    .build());
    WorkflowClient.executeUpdateWithStart(
        flow::linkSent,
        ChargeAfterRequestDigest.of(request),
        UpdateOptions.<ChargeAfterLinkCreated>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, input(request)));
    env.sleep(Duration.ofHours(5));

    flow.finalPostback(approved(TRACKING, "token-m1"));

    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).state()).isEqualTo(FlowState.APPROVED);
    SimpleMeterRegistry registry = metered.flushed();
    assertThat(count(registry, BusinessMeters.ENDED, Map.of("provider", "chargeafter", "outcome", "APPROVED"))).isEqualTo(1);
    assertThat(count(registry, BusinessMeters.AMOUNT, Map.of("provider", "chargeafter", "currency", "USD", "effect", "authorized")))
        .isEqualTo(429600);
    assertThat(count(registry, BusinessMeters.AMOUNT, Map.of("provider", "chargeafter", "currency", "USD", "effect", "captured")))
        .isZero();
    Timer shopper = timer(registry, BusinessMeters.WAIT, Map.of("provider", "chargeafter", "waiting_on", "shopper"));
    assertThat(shopper.totalTime(TimeUnit.HOURS)).isBetween(5.0, 5.1);
  }
}
