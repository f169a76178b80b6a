package org.financingorchestrator.workflows.chargeafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.approved;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.apply;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.checkout;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.dataUpdate;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.failed;
import static org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinks.input;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.FlowStep;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookEvent;
import org.financingorchestrator.workflows.webhooks.RecordingWebhookEndpoint;
import org.financingorchestrator.workflows.webhooks.WebhookAmount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargeAfterSendLinkWorkflowTest {

  private static final String TASK_QUEUE = "chargeafter-test";
  private static final String ORDER = "order-2001";
  private static final String FLOW_ID = ChargeAfterSendLinks.flowId(ORDER);
  private static final String TRACKING = "7d5b0c52-2f1a-4d1e-9d55-3a1f2b9c0e11";
  private static final String TOKEN = "11799f58-3c06-42a6-b5d5-1c85fa0829fc";
  private static final ChargeAfterSessionStatus IN_PROGRESS = new ChargeAfterSessionStatus(false, null);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private ChargeAfterActivities chargeAfter;
  /** Receives the webhooks of the tests that subscribe the merchant. */
  private RecordingWebhookEndpoint webhooks;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    FlowSearchAttributes.DEFINITIONS.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(ChargeAfterSendLinkWorkflowImpl.class);
    chargeAfter = mock(ChargeAfterActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(chargeAfter);
    webhooks = RecordingWebhookEndpoint.of(env);
    env.start();
    client = env.getWorkflowClient();
    when(chargeAfter.sendLink(any())).thenReturn(new ChargeAfterLinkSent(TRACKING, "https://chargeafter.example/l/" + TRACKING));
    when(chargeAfter.sessionStatus(anyString())).thenReturn(IN_PROGRESS);
  }

  @AfterEach
  void tearDown() {
    env.close();
    webhooks.close();
  }

  @Test
  void anApprovedCheckoutEndsApprovedWithTheTokenForTheMerchantOnly() throws Exception {
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    assertThat(flow.status().state()).isEqualTo(FlowState.AWAITING_SHOPPER);

    flow.dataUpdatePostback(dataUpdate(TRACKING, "3000"));
    assertThat(flow.outcome().availableCredit()).extracting(ChargeAfterCredit::creditAmount).containsExactly(new java.math.BigDecimal("3000"));
    flow.finalPostback(approved(TRACKING, TOKEN));

    FlowStatus result = result(flow);
    assertThat(result.state()).isEqualTo(FlowState.APPROVED);
    assertThat(result.orderAmount()).isEqualTo(Money.of("4296.00", "USD"));
    assertThat(result.providerIds())
        .containsEntry("statusTrackingId", TRACKING)
        .containsEntry("applicationId", "1234a6b4")
        .containsEntry("lenderId", "lenderid")
        .doesNotContainValue(TOKEN);
    assertThat(result.toString()).doesNotContain("John").doesNotContain("john@example.com").doesNotContain(TOKEN);
    assertThat(result.steps()).extracting(FlowStep::name)
        .containsExactly("started", "link_sent", "data_updated", "final_postback", "approved");
    ChargeAfterOutcome outcome = flow.outcome();
    assertThat(outcome.token()).isEqualTo(TOKEN);
    assertThat(outcome.decidedBy()).isEqualTo("postback");
    assertThat(outcome.orderInfo().totalAmount()).isEqualByComparingTo("4296");
    assertThat(outcome.consumerDetails().firstName()).isEqualTo("John");
    assertThat(outcome.availableCredit()).extracting(ChargeAfterCredit::creditAmount).containsExactly(new java.math.BigDecimal("5000"));
    verify(chargeAfter, never()).sessionStatus(anyString());
    verify(chargeAfter).sendLink(new ChargeAfterSendLinkCall(checkout(ORDER), input(checkout(ORDER)).callbacks()));
    recordHistory("chargeafter-approved");
  }

  @Test
  void anApprovedApplyNeedsNoToken() throws Exception {
    ChargeAfterSendLinkWorkflow flow = start(apply(ORDER));
    flow.finalPostback(approved(TRACKING, null));

    FlowStatus result = result(flow);
    assertThat(result.state()).isEqualTo(FlowState.APPROVED);
    assertThat(result.orderAmount()).isEqualTo(Money.of("300.00", "USD"));
    assertThat(flow.outcome().token()).isNull();
    recordHistory("chargeafter-approved-apply");
  }

  @Test
  void aCheckoutApprovedWithoutATokenFails() {
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    flow.finalPostback(approved(TRACKING, null));

    FlowStatus result = result(flow);
    assertThat(result.state()).isEqualTo(FlowState.FAILED);
    assertThat(result.failure().code()).isEqualTo("missing_token");
  }

  @ParameterizedTest
  @CsvSource({
    "BACK_TO_STORE, CANCELLED",
    "CONSUMER_CANCELLED, CANCELLED",
    "CREATE_SESSION_FAILED, FAILED",
    "BILLING_SHIPPING_MISMATCH, FAILED",
    "GENERAL, DECLINED",
    "PENDING, PENDING",
    "SOMETHING_NEW, FAILED"
  })
  void eachDocumentedErrorCodeEndsInItsState(String code, FlowState end) throws Exception {
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    flow.finalPostback(failed(TRACKING, code));

    FlowStatus result = result(flow);
    assertThat(result.state()).isEqualTo(end);
    assertThat(result.failure().source()).isEqualTo("chargeafter");
    assertThat(result.failure().code()).isEqualTo(code);
    assertThat(result.failure().message()).isEqualTo("Because " + code);
    assertThat(flow.outcome().error().code()).isEqualTo(code);
    if (!code.equals("SOMETHING_NEW")) {
      recordHistory("chargeafter-" + code.toLowerCase().replace('_', '-'));
    }
  }

  @Test
  void aDuplicateFinalPostbackIsRefusedWithoutWritingAnything() {
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    // Hold the flow open after the first postback: the decision waits on the workflow task.
    WorkflowStub stub = WorkflowStub.fromTyped(flow);
    stub.startUpdate(ChargeAfterSendLinkWorkflow.FINAL_POSTBACK, WorkflowUpdateStage.COMPLETED, Void.class, approved(TRACKING, TOKEN));

    assertThatThrownBy(() -> flow.finalPostback(failed(TRACKING, "GENERAL")))
        .isInstanceOfAny(WorkflowUpdateException.class, io.temporal.client.WorkflowNotFoundException.class,
            io.temporal.client.WorkflowServiceException.class);
    FlowStatus result = result(flow);
    assertThat(result.state()).isEqualTo(FlowState.APPROVED);
    assertThat(acceptedUpdates()).isEqualTo(2); // linkSent and the first final postback
  }

  @Test
  void theSameDataUpdateTwiceIsRefusedAndAFinalPostbackAfterTheEndReachesNothing() {
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    flow.dataUpdatePostback(dataUpdate(TRACKING, "3000"));
    assertThatThrownBy(() -> flow.dataUpdatePostback(dataUpdate(TRACKING, "3000")))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(FlowRefusal.ofFailureType(failure.getType())).contains(FlowRefusal.STATE_CONFLICT));
    assertThat(acceptedUpdates()).isEqualTo(2);

    flow.finalPostback(failed(TRACKING, "CONSUMER_CANCELLED"));
    assertThat(result(flow).state()).isEqualTo(FlowState.CANCELLED);
    assertThatThrownBy(() -> flow.finalPostback(approved(TRACKING, TOKEN))).isInstanceOf(RuntimeException.class);
    assertThat(acceptedUpdates()).isEqualTo(3);
  }

  @Test
  void dataUpdatesAreBounded() {
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    for (int i = 0; i < ChargeAfterSendLinkWorkflow.MAX_DATA_UPDATES; i++) {
      flow.dataUpdatePostback(dataUpdate(TRACKING, Integer.toString(1000 + i)));
    }
    assertThatThrownBy(() -> flow.dataUpdatePostback(dataUpdate(TRACKING, "9999"))).isInstanceOf(WorkflowUpdateException.class);
    assertThat(acceptedUpdates()).isEqualTo(1 + ChargeAfterSendLinkWorkflow.MAX_DATA_UPDATES);
  }

  @Test
  void aMissingPostbackIsRecoveredByTheStatusRequestWithBackoff() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    when(chargeAfter.sessionStatus(TRACKING))
        .thenAnswer(call -> asked.incrementAndGet() < 3 ? IN_PROGRESS : new ChargeAfterSessionStatus(true, approved(TRACKING, TOKEN)));
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));

    FlowStatus result = result(flow);
    assertThat(result.state()).isEqualTo(FlowState.APPROVED);
    assertThat(flow.outcome().decidedBy()).isEqualTo("status_request");
    assertThat(flow.outcome().token()).isEqualTo(TOKEN);
    verify(chargeAfter, times(3)).sessionStatus(TRACKING);
    FlowStep overdue = step(result, "postback_overdue");
    FlowStep ended = step(result, "status_request_ended");
    // 30 minutes' wait, then pauses of 1 and 2 minutes between the three requests.
    assertThat(Duration.between(step(result, "link_sent").at(), overdue.at()).toSeconds()).isEqualTo(30 * 60);
    assertThat(Duration.between(overdue.at(), ended.at()).toSeconds()).isEqualTo(3 * 60);
    recordHistory("chargeafter-approved-by-status-request");
  }

  @Test
  void aPostbackArrivingWhilePollingWinsOnce() {
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    env.sleep(Duration.ofMinutes(45));
    verify(chargeAfter, org.mockito.Mockito.atLeastOnce()).sessionStatus(TRACKING);

    flow.finalPostback(failed(TRACKING, "BACK_TO_STORE"));
    FlowStatus result = result(flow);
    assertThat(result.state()).isEqualTo(FlowState.CANCELLED);
    assertThat(flow.outcome().decidedBy()).isEqualTo("postback");
  }

  @Test
  void noEndBeforeTheDeadlineExpires() throws Exception {
    ApplicationFailure unavailable =
        new ProviderFailure("chargeafter", 503, "http_503", "HTTP 503", null, true).toApplicationFailure(null);
    // Two polls fail (two attempts each): one step for the streak.
    when(chargeAfter.sessionStatus(TRACKING))
        .thenThrow(unavailable, unavailable, unavailable, unavailable)
        .thenReturn(IN_PROGRESS);
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));

    FlowStatus result = result(flow);
    assertThat(result.state()).isEqualTo(FlowState.EXPIRED);
    assertThat(result.failure().code()).isEqualTo("send_link_expired");
    assertThat(Duration.between(step(result, "link_sent").at(), step(result, "expired").at()).toSeconds()).isEqualTo(Duration.ofDays(3).toSeconds());
    assertThat(result.steps()).extracting(FlowStep::name).filteredOn("status_request_failed"::equals).hasSize(1);
    recordHistory("chargeafter-expired");
  }

  @Test
  void aSendLinkChargeAfterRefusesFailsTheRunAndTheStart() {
    when(chargeAfter.sendLink(any()))
        .thenThrow(new ProviderFailure("chargeafter", 400, "INVALID_REQUEST", "[channel is required]", null, false).toApplicationFailure(null));
    ChargeAfterSendLinkWorkflow flow = newStub(ORDER);
    assertThatThrownBy(() -> startUpdate(flow, checkout(ORDER)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("INVALID_REQUEST"));
    assertThatThrownBy(() -> WorkflowStub.fromTyped(flow).getResult(FlowStatus.class)).isInstanceOf(io.temporal.client.WorkflowFailedException.class);
  }

  @Test
  void theSameOrderAgainIsTheSameFlowAndAnotherSendLinkUnderItIsRefused() {
    start(checkout(ORDER));
    ChargeAfterLinkCreated again = startUpdate(newStub(ORDER), checkout(ORDER));
    assertThat(again.statusTrackingId()).isEqualTo(TRACKING);
    verify(chargeAfter, times(1)).sendLink(any());

    assertThatThrownBy(() -> startUpdate(newStub(ORDER), apply(ORDER)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(FlowRefusal.ofFailureType(failure.getType())).contains(FlowRefusal.REFERENCE_IN_USE));
  }

  @Test
  void refundsAreRefused() {
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    assertThatThrownBy(() -> flow.refund(new RefundRequest(Money.of("1.00", "USD"), "RF-1")))
        .isInstanceOf(WorkflowUpdateException.class);
  }

  // --- webhooks -------------------------------------------------------------------------------

  @Test
  void theMerchantsWebhookHearsTheLinkSentAndTheApproval() throws Exception {
    webhooks.subscribe(ChargeAfterSendLinks.MERCHANT_ID);
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    flow.finalPostback(approved(TRACKING, TOKEN));

    assertThat(result(flow).state()).isEqualTo(FlowState.APPROVED);
    List<MerchantWebhookEvent> events = webhooks.assertReceivedOnceInOrder(client, FLOW_ID, "flow.awaiting_shopper", "flow.approved");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.flowId()).isEqualTo(FLOW_ID);
      assertThat(event.provider()).isEqualTo("chargeafter");
      assertThat(event.merchantReference()).isEqualTo(ORDER);
      assertThat(event.orderAmount()).isEqualTo(new WebhookAmount("4296.00", "USD"));
      assertThat(event.capturedAmount()).isNull();
      assertThat(event.failure()).isNull();
    });
    // The lender's token is the merchant's to fetch with the outcome, never in a webhook.
    assertThat(events.toString()).doesNotContain(TOKEN).doesNotContain("John");
    recordHistory("chargeafter-approved-webhooks");
  }

  @ParameterizedTest
  @CsvSource({"GENERAL, DECLINED, flow.declined, true", "PENDING, PENDING, flow.pending, false"})
  void theMerchantsWebhookHearsTheLendersDecision(String code, FlowState end, String type, boolean failureShown) {
    webhooks.subscribe(ChargeAfterSendLinks.MERCHANT_ID);
    ChargeAfterSendLinkWorkflow flow = start(checkout(ORDER));
    flow.finalPostback(failed(TRACKING, code));

    assertThat(result(flow).state()).isEqualTo(end);
    MerchantWebhookEvent decided = webhooks.assertReceivedOnceInOrder(client, FLOW_ID, "flow.awaiting_shopper", type).get(1);
    assertThat(decided.state()).isEqualTo(end.name());
    assertThat(decided.orderAmount()).isEqualTo(new WebhookAmount("4296.00", "USD"));
    if (failureShown) {
      assertThat(decided.failure()).isEqualTo(new MerchantWebhookEvent.WebhookFailure("chargeafter", code, "Because " + code));
    } else {
      assertThat(decided.failure()).isNull();
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  private ChargeAfterSendLinkWorkflow start(ChargeAfterSendLinkRequest request) {
    ChargeAfterSendLinkWorkflow flow = newStub(request.merchantOrderId());
    ChargeAfterLinkCreated created = startUpdate(flow, request);
    assertThat(created.statusTrackingId()).isEqualTo(TRACKING);
    assertThat(created.state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    return flow;
  }

  private static ChargeAfterLinkCreated startUpdate(ChargeAfterSendLinkWorkflow flow, ChargeAfterSendLinkRequest request) {
    return WorkflowClient.executeUpdateWithStart(
        flow::linkSent,
        ChargeAfterRequestDigest.of(request),
        UpdateOptions.<ChargeAfterLinkCreated>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, input(request)));
  }

  private ChargeAfterSendLinkWorkflow newStub(String merchantOrderId) {
    return client.newWorkflowStub(
        ChargeAfterSendLinkWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(ChargeAfterSendLinks.flowId(merchantOrderId))
            .setTaskQueue(TASK_QUEUE)
            .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
            .build());
  }

  private static FlowStatus result(ChargeAfterSendLinkWorkflow flow) {
    return WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
  }

  private long acceptedUpdates() {
    return client.fetchHistory(FLOW_ID).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }

  private static FlowStep step(FlowStatus status, String name) {
    return status.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private void recordHistory(String name) throws Exception {
    Path target = Path.of("target", "histories", name + ".json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, client.fetchHistory(FLOW_ID).toJson(true));
  }
}
