package org.financingorchestrator.workflows.affirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflowTest.CHARGE_ID;
import static org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflowTest.DIGEST;
import static org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflowTest.FLOW_ID;
import static org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflowTest.ORDER_ID;
import static org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflowTest.TOKEN;
import static org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflowTest.input;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.amountMinorUnits;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.count;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.timer;
import static org.mockito.ArgumentMatchers.any;
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
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.workflows.common.BusinessMeters;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.MeteredTestEnvironment;
import org.financingorchestrator.workflows.common.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Affirm's metrics: authorized, then the wait on the merchant until capture or void. */
class AffirmMetricsTest {

  private MeteredTestEnvironment metered;
  private TestWorkflowEnvironment env;
  private AffirmActivities affirm;

  @BeforeEach
  void setUp() {
    metered = new MeteredTestEnvironment();
    env = metered.env();
    Worker worker = env.newWorker(AffirmCheckoutWorkflowTest.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(AffirmCheckoutWorkflowImpl.class);
    affirm = mock(AffirmActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(affirm);
    env.start();
    when(affirm.authorize(any()))
        .thenAnswer(call -> new AffirmCharge(CHARGE_ID, usd("61.00"), usd("61.00"), now().plus(Duration.ofDays(30)), ORDER_ID));
    when(affirm.capture(any()))
        .thenAnswer(call -> new AffirmChargeEvent("EV1", "tx1", "capture", call.<AffirmChargeCall>getArgument(0).amount(), now()));
    when(affirm.voidCharge(any())).thenAnswer(call -> new AffirmChargeEvent("EV2", "tx2", "void", null, now()));
  }

  @AfterEach
  void tearDown() {
    metered.close();
  }

  @Test
  void authorizedThenCapturedTwoDaysLaterEndsCapturedAfterWaitingOnTheMerchant() {
    AffirmCheckoutWorkflow flow = start();
    flow.confirm(new AffirmConfirmation(TOKEN));
    env.sleep(Duration.ofDays(2));

    assertThat(flow.capture(new AffirmCapture(usd("50.00"), ORDER_ID, "USPS", "1Z999")).state()).isEqualTo(FlowState.CAPTURED);

    SimpleMeterRegistry registry = metered.flushed();
    assertThat(amountMinorUnits(registry, "affirm", "authorized")).isEqualTo(6100);
    assertThat(amountMinorUnits(registry, "affirm", "captured")).isEqualTo(5000);
    assertThat(count(registry, BusinessMeters.ENDED, Map.of("provider", "affirm", "outcome", "CAPTURED"))).isEqualTo(1);
    Timer merchant = timer(registry, BusinessMeters.WAIT, Map.of("provider", "affirm", "waiting_on", "merchant"));
    assertThat(merchant.count()).isEqualTo(1);
    assertThat(merchant.totalTime(TimeUnit.HOURS)).isBetween(48.0, 49.0);
    Timer duration = timer(registry, BusinessMeters.DURATION, Map.of("provider", "affirm", "outcome", "CAPTURED"));
    assertThat(duration.totalTime(TimeUnit.HOURS)).isBetween(48.0, 49.0);
  }

  @Test
  void voidedEndsVoidedWithNothingCaptured() {
    AffirmCheckoutWorkflow flow = start();
    flow.confirm(new AffirmConfirmation(TOKEN));

    assertThat(flow.voidCharge().state()).isEqualTo(FlowState.VOIDED);

    SimpleMeterRegistry registry = metered.flushed();
    assertThat(count(registry, BusinessMeters.ENDED, Map.of("provider", "affirm", "outcome", "VOIDED"))).isEqualTo(1);
    assertThat(amountMinorUnits(registry, "affirm", "authorized")).isEqualTo(6100);
    assertThat(amountMinorUnits(registry, "affirm", "captured")).isZero();
    assertThat(count(registry, BusinessMeters.STARTED, Map.of("provider", "affirm"))).isEqualTo(1);
  }


  private AffirmCheckoutWorkflow start() {
    AffirmCheckoutWorkflow flow =
        env.getWorkflowClient()
            .newWorkflowStub(
                AffirmCheckoutWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(FLOW_ID)
                    .setTaskQueue(AffirmCheckoutWorkflowTest.TASK_QUEUE)
                    .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                    .build());
    WorkflowClient.executeUpdateWithStart(
        flow::checkoutOpened,
        DIGEST,
        UpdateOptions.<AffirmCheckoutOpened>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, input()));
    return flow;
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }
}
