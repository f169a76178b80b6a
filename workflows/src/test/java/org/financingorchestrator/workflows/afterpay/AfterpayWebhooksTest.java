package org.financingorchestrator.workflows.afterpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.MERCHANT_ID;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.flowId;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.input;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.request;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.usd;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.workflows.common.AfterSale;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookEvent;
import org.financingorchestrator.workflows.webhooks.RecordingWebhookEndpoint;
import org.financingorchestrator.workflows.webhooks.WebhookAmount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Afterpay flow sends its merchant's webhooks: one event per state the merchant cares about,
 * each delivered by its own workflow that outlives the flow, never holding the flow up.
 */
class AfterpayWebhooksTest {

  private static final String TASK_QUEUE = "afterpay-webhooks-test";
  private static final String TOKEN = "q54l9qd907m6iqqqlcrm5tpbjjsnfo47vsm59gqrfnd2rqefk9hu";
  private static final String REFERENCE = "order-1001";
  private static final String FLOW_ID = flowId(REFERENCE);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private RecordingWebhookEndpoint endpoint;
  private List<MerchantWebhookEvent> acknowledged;
  private List<Instant> attempts;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    FlowSearchAttributes.DEFINITIONS.forEach(env::registerSearchAttribute);
    Worker flows = env.newWorker(TASK_QUEUE);
    flows.registerWorkflowImplementationTypes(AfterpayCheckoutWorkflowImpl.class);
    AfterpayActivities afterpay = mock(AfterpayActivities.class, withSettings().withoutAnnotations());
    flows.registerActivitiesImplementations(afterpay);
    endpoint = RecordingWebhookEndpoint.of(env).subscribe(MERCHANT_ID);
    acknowledged = endpoint.acknowledged();
    attempts = endpoint.attempts();
    env.start();
    client = env.getWorkflowClient();

    when(afterpay.getConfiguration()).thenReturn(new AfterpayPaymentLimits(usd("1.00"), usd("2000.00")));
    when(afterpay.createOrder(any())).thenAnswer(call -> new AfterpayOrder(TOKEN, now().plus(Duration.ofHours(3))));
    when(afterpay.capture(TOKEN, REFERENCE))
        .thenReturn(new AfterpayPayment("12345678", TOKEN, "APPROVED", usd("21.85"), Instant.parse("2026-11-21T10:08:14Z")));
    when(afterpay.refund(any()))
        .thenAnswer(call -> {
          AfterpayRefundCall refund = call.getArgument(0);
          return new RefundRecord("r-1", refund.requestId(), refund.merchantReference(), refund.amount(), now());
        });
  }

  @AfterEach
  void tearDown() {
    env.close();
    endpoint.close();
  }

  @Test
  void sendsEachStateTheMerchantCaresAboutOnceInOrderWithExactAmounts() throws Exception {
    AfterpayCheckoutWorkflow flow = start();
    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
    flow.refund(new RefundRequest(usd("5.00"), "RF-1"));

    MerchantWebhookEvent refunded =
        endpoint.assertReceivedOnceInOrder(client, FLOW_ID, "flow.awaiting_shopper", "flow.captured", "flow.partially_refunded").get(2);
    assertThat(refunded.flowId()).isEqualTo(FLOW_ID);
    assertThat(refunded.provider()).isEqualTo("afterpay");
    assertThat(refunded.merchantId()).isEqualTo(MERCHANT_ID);
    assertThat(refunded.merchantReference()).isEqualTo(REFERENCE);
    assertThat(refunded.state()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(refunded.orderAmount()).isEqualTo(new WebhookAmount("21.85", "USD"));
    assertThat(refunded.capturedAmount()).isEqualTo(new WebhookAmount("21.85", "USD"));
    assertThat(refunded.refundedAmount()).isEqualTo(new WebhookAmount("5.00", "USD"));
    assertThat(refunded.failure()).isNull();

    env.sleep(Duration.ofDays(121));
    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).state()).isEqualTo(FlowState.PARTIALLY_REFUNDED);
    recordHistory("afterpay-captured-partially-refunded-webhooks");
  }

  @Test
  void theFlowGoesOnWhileTheMerchantsEndpointIsDownAndEachEventArrivesOnceAfter() {
    endpoint.downUntil(now().plus(Duration.ofHours(1)));
    AfterpayCheckoutWorkflow flow = start();
    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
    flow.refund(new RefundRequest(usd("21.85"), "RF-ALL"));

    // The flow captured and refunded in full without waiting for any delivery.
    assertThat(flow.status().state()).isEqualTo(FlowState.REFUNDED);
    assertThat(acknowledged).isEmpty();

    env.sleep(Duration.ofHours(2));
    assertThat(acknowledged)
        .extracting(MerchantWebhookEvent::type)
        .containsExactlyInAnyOrder("flow.awaiting_shopper", "flow.captured", "flow.refunded");
    // Backing off: far fewer attempts in the hour than one a second, none after acknowledgement.
    assertThat(attempts.size()).isBetween(3 * 10, 3 * 20);
    int seen = attempts.size();
    env.sleep(Duration.ofHours(1));
    assertThat(attempts).hasSize(seen);
  }

  /**
   * A long after-sale window continues as new: the event ids stay unique and in the flow's order
   * across its runs, and each run's history stays bounded with a delivery child per refund.
   */
  @Test
  void eventIdsStayUniqueAcrossRunsContinuedAsNew() {
    AfterpayCheckoutWorkflow flow = start();
    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
    AfterpayCheckoutWorkflow current = client.newWorkflowStub(AfterpayCheckoutWorkflow.class, FLOW_ID);
    int refunds = 40;
    for (int i = 0; i < refunds; i++) {
      current.refund(new RefundRequest(usd("0.01"), "RF-" + i));
    }

    List<Integer> runLengths = new ArrayList<>();
    String runId = WorkflowStub.fromTyped(current).describe().getExecution().getRunId();
    while (!runId.isEmpty()) {
      WorkflowExecutionHistory run = client.fetchHistory(FLOW_ID, runId);
      runLengths.add(run.getEvents().size());
      // Waited for by their results, not env.sleep: a delivery ending after its run continued as
      // new stops the test server's clock (RecordingWebhookEndpoint says why).
      run.getEvents().stream()
          .filter(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED)
          .forEach(e -> client.newUntypedWorkflowStub(
                  e.getChildWorkflowExecutionStartedEventAttributes().getWorkflowExecution().getWorkflowId())
              .getResult(Integer.class));
      runId = run.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
    }
    assertThat(runLengths).hasSizeGreaterThan(1)
        .allSatisfy(events -> assertThat(events).isLessThan(AfterSale.CONTINUE_AS_NEW_AFTER_EVENTS + 50));
    assertThat(acknowledged).hasSize(2 + refunds);
    assertThat(acknowledged).extracting(MerchantWebhookEvent::id).doesNotHaveDuplicates();
    // One chain of runs, one prefix; the sequence grows with the flow's steps.
    String chain = acknowledged.get(0).id().substring(0, acknowledged.get(0).id().lastIndexOf('_') + 1);
    List<Long> sequences =
        acknowledged.stream()
            .sorted(java.util.Comparator.comparing(MerchantWebhookEvent::createdAt))
            .map(event -> {
              assertThat(event.id()).startsWith(chain);
              return Long.parseLong(event.id().substring(chain.length()));
            })
            .toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
    assertThat(acknowledged).filteredOn(e -> e.type().equals("flow.partially_refunded"))
        .extracting(e -> e.refundedAmount().amount())
        .contains("0.40");
  }

  @Test
  void aMerchantWithoutAWebhookGetsNoDeliveryWorkflowAtAll() {
    endpoint.close();
    AfterpayCheckoutWorkflow flow = start();
    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
    env.sleep(Duration.ofMinutes(1));

    assertThat(attempts).isEmpty();
    assertThat(client.fetchHistory(FLOW_ID).getEvents())
        .noneMatch(event -> event.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED);
  }

  private AfterpayCheckoutWorkflow start() {
    AfterpayCheckoutRequest request = request(REFERENCE);
    AfterpayCheckoutWorkflow flow =
        client.newWorkflowStub(
            AfterpayCheckoutWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(FLOW_ID)
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    WorkflowClient.executeUpdateWithStart(
        flow::orderCreated,
        AfterpayCheckoutDigest.of(request),
        UpdateOptions.<AfterpayOrderCreated>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, input(request)));
    return flow;
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  private void recordHistory(String name) throws Exception {
    Path target = Path.of("target", "histories", name + ".json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, client.fetchHistory(FLOW_ID).toJson(true));
  }
}
