package org.financingorchestrator.workflows.afterpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.input;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.request;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.usd;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.amountMinorUnits;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.count;
import static org.financingorchestrator.workflows.common.MeteredTestEnvironment.timer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
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
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.workflows.common.BusinessMeters;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.MeteredTestEnvironment;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The business metrics an Afterpay flow records, on a worker that caches no workflow: every
 * workflow task replays the whole history, and each metric still counts once.
 */
class AfterpayMetricsTest {

  private static final String TASK_QUEUE = "afterpay-metrics-test";
  private static final String TOKEN = "metrics-token";
  private static final Map<String, String> AFTERPAY = Map.of("provider", "afterpay");

  private MeteredTestEnvironment metered;
  private TestWorkflowEnvironment env;
  private AfterpayActivities afterpay;

  @BeforeEach
  void setUp() {
    metered = new MeteredTestEnvironment();
    env = metered.env();
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(AfterpayCheckoutWorkflowImpl.class);
    afterpay = mock(AfterpayActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(afterpay);
    env.start();
    when(afterpay.getConfiguration()).thenReturn(new AfterpayPaymentLimits(usd("1.00"), usd("2000.00")));
    when(afterpay.createOrder(any())).thenAnswer(call -> new AfterpayOrder(TOKEN, now().plus(Duration.ofHours(3))));
  }

  @AfterEach
  void tearDown() {
    metered.close();
  }

  @Test
  void countsTheStartTheOutcomeTheWaitsAndTheMoneyOnceEach() {
    when(afterpay.capture(TOKEN, "order-m1"))
        .thenReturn(new AfterpayPayment("p-1", TOKEN, "APPROVED", usd("21.85"), Instant.parse("2026-11-21T10:08:14Z")));
    when(afterpay.refund(any()))
        .thenAnswer(call -> {
          AfterpayRefundCall refund = call.getArgument(0);
          return new RefundRecord("r-1", refund.requestId(), refund.merchantReference(), refund.amount(), now());
        });
    AfterpayCheckoutWorkflow flow = start("order-m1");
    env.sleep(Duration.ofMinutes(7)); // the shopper takes their time at Afterpay

    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
    flow.refund(new RefundRequest(usd("5.00"), "RF-1"));
    flow.refund(new RefundRequest(usd("5.00"), "RF-1")); // repeated: the same refund

    assertThat(flow.status().state()).isEqualTo(FlowState.PARTIALLY_REFUNDED);
    SimpleMeterRegistry registry = metered.flushed();
    // Each of the flow's later workflow tasks replayed its history first, the start included.
    assertThat(MeteredTestEnvironment.replays(registry)).isGreaterThanOrEqualTo(4);
    assertThat(count(registry, BusinessMeters.STARTED, AFTERPAY)).isEqualTo(1);
    assertThat(count(registry, BusinessMeters.ENDED, Map.of("provider", "afterpay", "outcome", "CAPTURED"))).isEqualTo(1);
    assertThat(count(registry, BusinessMeters.ENDED, Map.of("provider", "afterpay", "outcome", "PARTIALLY_REFUNDED")))
        .isZero();
    assertThat(amountMinorUnits(registry, "afterpay", "authorized")).isEqualTo(2185);
    assertThat(amountMinorUnits(registry, "afterpay", "captured")).isEqualTo(2185);
    assertThat(amountMinorUnits(registry, "afterpay", "refunded")).isEqualTo(500);
    assertThat(count(registry, BusinessMeters.TRANSITIONS, Map.of("provider", "afterpay", "state", "CAPTURED")))
        .isEqualTo(1);

    Timer duration = timer(registry, BusinessMeters.DURATION, Map.of("provider", "afterpay", "outcome", "CAPTURED"));
    assertThat(duration.count()).isEqualTo(1);
    assertThat(duration.totalTime(TimeUnit.MINUTES)).isBetween(7.0, 8.0);
    // The SLO buckets, not Micrometer's generic ones: 7 minutes is within 15 minutes, not 5.
    assertThat(duration.takeSnapshot().histogramCounts())
        .hasSize(BusinessMeters.DURATION_BUCKETS.size())
        .anySatisfy(bucket -> assertBucket(bucket, Duration.ofMinutes(15), 1))
        .anySatisfy(bucket -> assertBucket(bucket, Duration.ofMinutes(5), 0));
    Timer shopper = timer(registry, BusinessMeters.WAIT, Map.of("provider", "afterpay", "waiting_on", "shopper"));
    assertThat(shopper.count()).isEqualTo(1);
    assertThat(shopper.totalTime(TimeUnit.MINUTES)).isBetween(7.0, 8.0);
    Timer provider = timer(registry, BusinessMeters.WAIT, Map.of("provider", "afterpay", "waiting_on", "provider"));
    assertThat(provider.count()).isEqualTo(2); // the order, then the capture
    assertThat(count(registry, BusinessMeters.CALLS_RETRIED, Map.of("provider", "afterpay", "call", "capture"))).isZero();
  }

  @Test
  void countsACallRetriedAndACallGivenUp() {
    when(afterpay.getConfiguration())
        .thenThrow(unavailable())
        .thenReturn(new AfterpayPaymentLimits(usd("1.00"), usd("2000.00")));
    when(afterpay.createOrder(any()))
        .thenThrow(new ProviderFailure("afterpay", 422, "invalid_object", "bad", "e-422", false).toApplicationFailure(null));

    AfterpayCheckoutWorkflow flow = newStub("order-m2");
    catchThrowable(() -> startWith(flow, "order-m2"));
    // The flow ends FAILED, and fails its run with the order's refusal.
    assertThat(catchThrowable(() -> WorkflowStub.fromTyped(flow).getResult(FlowStatus.class)))
        .rootCause()
        .hasMessageContaining("invalid_object");

    SimpleMeterRegistry registry = metered.flushed();
    assertThat(count(registry, BusinessMeters.CALLS_RETRIED, Map.of("provider", "afterpay", "call", "get_configuration")))
        .isEqualTo(1);
    assertThat(
            count(
                registry,
                BusinessMeters.CALLS_GIVEN_UP,
                Map.of("provider", "afterpay", "call", "create_order", "reason", "non_retryable_failure")))
        .isEqualTo(1);
    assertThat(count(registry, BusinessMeters.ENDED, Map.of("provider", "afterpay", "outcome", "FAILED"))).isEqualTo(1);
    assertThat(amountMinorUnits(registry, "afterpay", "authorized")).isZero();
  }

  private static void assertBucket(CountAtBucket bucket, Duration upTo, double count) {
    assertThat(bucket.bucket(TimeUnit.NANOSECONDS)).isEqualTo(upTo.toNanos());
    assertThat(bucket.count()).isEqualTo(count);
  }


  private static io.temporal.failure.ApplicationFailure unavailable() {
    return new ProviderFailure("afterpay", 503, "service_unavailable", "maintenance", "e-503", true).toApplicationFailure(null);
  }

  private AfterpayCheckoutWorkflow start(String reference) {
    AfterpayCheckoutWorkflow flow = newStub(reference);
    startWith(flow, reference);
    return flow;
  }

  private static void startWith(AfterpayCheckoutWorkflow flow, String reference) {
    AfterpayCheckoutRequest request = request(reference);
    WorkflowClient.executeUpdateWithStart(
        flow::orderCreated,
        AfterpayCheckoutDigest.of(request),
        UpdateOptions.<AfterpayOrderCreated>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, input(request)));
  }

  private AfterpayCheckoutWorkflow newStub(String reference) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            AfterpayCheckoutWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(AfterpayCheckouts.flowId(reference))
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }
}
