package org.financingorchestrator.workflows.affirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.FlowStep;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookEvent;
import org.financingorchestrator.workflows.webhooks.RecordingWebhookEndpoint;
import org.financingorchestrator.workflows.webhooks.WebhookAmount;
import org.financingorchestrator.workflows.webhooks.WebhookSubscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AffirmCheckoutWorkflowTest {

  static final String TASK_QUEUE = "affirm-test";
  static final String MERCHANT_ID = "demo";
  static final String ORDER_ID = "order-2001";
  static final String FLOW_ID = "affirm-" + MERCHANT_ID + "-" + ORDER_ID;
  static final String TOKEN = "C526C8A07212A3F0";
  static final String CHARGE_ID = "ALO4-UVGR";
  static final String CONFIRM_PAGE = "https://shop.example/order/confirmed";
  static final String PAYMENT_PAGE = "https://shop.example/checkout/payment";
  static final String DIGEST = "digest-of-the-checkout";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private AffirmActivities affirm;
  private final AtomicInteger ids = new AtomicInteger(1);
  /** Receives the webhooks of the tests that subscribe the merchant. */
  private RecordingWebhookEndpoint webhooks;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    FlowSearchAttributes.DEFINITIONS.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(AffirmCheckoutWorkflowImpl.class);
    affirm = mock(AffirmActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(affirm);
    webhooks = RecordingWebhookEndpoint.of(env);
    env.start();
    client = env.getWorkflowClient();
    when(affirm.authorize(any())).thenAnswer(call -> charge("61.00"));
    when(affirm.capture(any())).thenAnswer(call -> event("capture", call.<AffirmChargeCall>getArgument(0).amount()));
    when(affirm.voidCharge(any())).thenAnswer(call -> event("void", null));
    when(affirm.update(any())).thenAnswer(call -> event("update", null));
    when(affirm.refund(any())).thenAnswer(call -> refundRecord(call.getArgument(0)));
  }

  @AfterEach
  void tearDown() {
    env.close();
    webhooks.close();
  }

  @Test
  void authorizesCapturesLessThanAuthorizedAndRefundsPartially() throws Exception {
    AffirmCheckoutWorkflow flow = start();
    assertThat(flow.status().state()).isEqualTo(FlowState.AWAITING_SHOPPER);

    ShopperRedirect redirect = flow.confirm(new AffirmConfirmation(TOKEN));

    assertThat(redirect.location()).isEqualTo(CONFIRM_PAGE + "?flowId=" + FLOW_ID + "&status=AUTHORIZED");
    ArgumentCaptor<AffirmAuthorization> authorization = ArgumentCaptor.forClass(AffirmAuthorization.class);
    verify(affirm).authorize(authorization.capture());
    assertThat(authorization.getValue().checkoutToken()).isEqualTo(TOKEN);
    assertThat(authorization.getValue().orderId()).isEqualTo(ORDER_ID);
    assertThat(authorization.getValue().idempotencyKey()).isNotBlank();
    FlowStatus authorized = flow.status();
    assertThat(authorized.state()).isEqualTo(FlowState.AUTHORIZED);
    assertThat(authorized.providerIds()).containsEntry("chargeId", CHARGE_ID).doesNotContainValue(TOKEN);
    assertThat(authorized.steps()).extracting(FlowStep::detail).noneMatch(d -> d != null && d.contains(TOKEN));

    assertThatRefused(() -> flow.refund(new RefundRequest(usd("1.00"), "RF-0")), "not captured");
    FlowStatus captured = flow.capture(new AffirmCapture(usd("50.00"), ORDER_ID, "USPS", "1Z999"));
    assertThat(captured.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(captured.capturedAmount()).isEqualTo(usd("50.00"));
    ArgumentCaptor<AffirmChargeCall> capture = ArgumentCaptor.forClass(AffirmChargeCall.class);
    verify(affirm).capture(capture.capture());
    assertThat(capture.getValue().chargeId()).isEqualTo(CHARGE_ID);
    assertThat(capture.getValue().shippingCarrier()).isEqualTo("USPS");
    assertThat(capture.getValue().idempotencyKey()).isNotBlank().isNotEqualTo(authorization.getValue().idempotencyKey());
    assertThatRefused(() -> flow.capture(new AffirmCapture(null, null, null, null)), "Only an authorized charge");
    assertThatRefused(flow::voidCharge, "Only an authorized charge");

    RefundRecord first = flow.refund(new RefundRequest(usd("20.00"), "RF-1"));
    RefundRecord again = flow.refund(new RefundRequest(usd("20.00"), "RF-1"));
    assertThat(again).isEqualTo(first);
    assertThatRefused(() -> flow.refund(new RefundRequest(usd("30.01"), "RF-2")), "exceeds what is left to refund: USD 30.00");
    flow.refund(new RefundRequest(usd("10.00"), "RF-3"));
    verify(affirm, times(2)).refund(any());
    flow.update(new AffirmChargeUpdate(null, "UPS", "1Z1000"));

    FlowStatus refunded = flow.status();
    assertThat(refunded.state()).isEqualTo(FlowState.PARTIALLY_REFUNDED);
    assertThat(refunded.refundedAmount()).isEqualTo(usd("30.00"));

    env.sleep(Duration.ofDays(121));
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.steps())
        .extracting(FlowStep::name)
        .containsExactly(
            "started", "checkout_opened", "shopper_confirmed", "authorize_requested", "authorized",
            "capture_requested", "captured", "refund_requested", "refunded", "refund_requested", "refunded",
            "charge_updated", "after_sale_closed");
    recordHistory("affirm-captured-partially-refunded");
  }

  @Test
  void anAuthorizedAmountOtherThanTheTotalIsVoidedAtOnce() throws Exception {
    when(affirm.authorize(any())).thenAnswer(call -> charge("59.00"));
    AffirmCheckoutWorkflow flow = start();

    ShopperRedirect redirect = flow.confirm(new AffirmConfirmation(TOKEN));

    assertThat(redirect.location()).startsWith(PAYMENT_PAGE + "?flowId=" + FLOW_ID + "&status=FAILED&reason=amount_mismatch");
    ArgumentCaptor<AffirmChargeCall> voided = ArgumentCaptor.forClass(AffirmChargeCall.class);
    verify(affirm).voidCharge(voided.capture());
    assertThat(voided.getValue().chargeId()).isEqualTo(CHARGE_ID);
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.FAILED);
    assertThat(result.failure().code()).isEqualTo("amount_mismatch");
    assertThat(result.failure().message()).contains("USD 59.00").contains("USD 61.00").contains("voided");
    verify(affirm, never()).capture(any());
    recordHistory("affirm-amount-mismatch");
  }

  @Test
  void anExpiredCheckoutTokenSendsTheShopperBackWithTheDocumentsMessage() throws Exception {
    when(affirm.authorize(any()))
        .thenThrow(refusal(401, "checkout-token-expired", AffirmCheckoutWorkflow.AUTHORIZATION_MESSAGE));
    AffirmCheckoutWorkflow flow = start();

    ShopperRedirect redirect = flow.confirm(new AffirmConfirmation(TOKEN));

    assertThat(redirect.location())
        .startsWith(PAYMENT_PAGE + "?flowId=" + FLOW_ID + "&status=FAILED&reason=checkout-token-expired&message=There+was+an+issue");
    WorkflowFailedException failed =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            WorkflowFailedException.class, () -> WorkflowStub.fromTyped(flow).getResult(FlowStatus.class));
    assertThat(failed).isNotNull();
    FlowStatus status = flow.status();
    assertThat(status.state()).isEqualTo(FlowState.FAILED);
    assertThat(status.failure().code()).isEqualTo("checkout-token-expired");
    assertThat(status.failure().httpStatus()).isEqualTo(401);
    verify(affirm, times(1)).authorize(any());
    recordHistory("affirm-authorization-failed");
  }

  @Test
  void aLostAuthorizeAnswerIsSettledBySendingTheSameKeyAgain() {
    when(affirm.authorize(any()))
        .thenThrow(new ProviderFailure("affirm", 200, ProviderFailure.MALFORMED_RESPONSE, "unreadable", null, false).toApplicationFailure(null))
        .thenAnswer(call -> charge("61.00"));
    AffirmCheckoutWorkflow flow = start();

    assertThat(flow.confirm(new AffirmConfirmation(TOKEN)).state()).isEqualTo(FlowState.AUTHORIZED);

    ArgumentCaptor<AffirmAuthorization> calls = ArgumentCaptor.forClass(AffirmAuthorization.class);
    verify(affirm, times(2)).authorize(calls.capture());
    assertThat(calls.getAllValues().get(1)).isEqualTo(calls.getAllValues().get(0));
    assertThat(flow.status().steps()).extracting(FlowStep::name).contains("authorize_unanswered");
    assertThat(flow.status().pending()).isEmpty();
  }

  @Test
  void aCaptureWhoseAnswerWasLostIsSentAgainWithTheSameKeyAndCapturesOnce() {
    // Re-stubbed with doX().when(): when(affirm.capture(any())) would run the set-up's answer.
    org.mockito.Mockito.doThrow(
            new ProviderFailure("affirm", 200, ProviderFailure.MALFORMED_RESPONSE, "unreadable", null, false).toApplicationFailure(null))
        .doAnswer(call -> event("capture", call.<AffirmChargeCall>getArgument(0).amount()))
        .when(affirm)
        .capture(any());
    AffirmCheckoutWorkflow flow = authorized();

    FlowStatus captured = flow.capture(new AffirmCapture(null, null, null, null));

    assertThat(captured.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(captured.capturedAmount()).isEqualTo(usd("61.00"));
    assertThat(captured.pending()).isEmpty();
    ArgumentCaptor<AffirmChargeCall> calls = ArgumentCaptor.forClass(AffirmChargeCall.class);
    verify(affirm, times(2)).capture(calls.capture());
    assertThat(calls.getAllValues().get(1)).isEqualTo(calls.getAllValues().get(0));
    assertThat(captured.steps()).extracting(FlowStep::name).containsSubsequence("capture_requested", "capture_unanswered", "captured");
  }

  @Test
  void voidsBeforeCaptureAndThenRefusesCapture() throws Exception {
    AffirmCheckoutWorkflow flow = authorized();

    FlowStatus voided = flow.voidCharge();

    assertThat(voided.state()).isEqualTo(FlowState.VOIDED);
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.VOIDED);
    verify(affirm, never()).capture(any());
    recordHistory("affirm-voided");
  }

  @Test
  void anUncapturedAuthorizationExpiresAndIsNeverCapturedAfter() throws Exception {
    AffirmCheckoutWorkflow flow = authorized();
    WorkflowStub stub = WorkflowStub.fromTyped(flow);

    env.sleep(Duration.ofDays(31));

    FlowStatus result = stub.getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.EXPIRED);
    assertThat(result.failure().code()).isEqualTo("authorization_expired");
    assertThatThrownBy(() -> flow.capture(new AffirmCapture(null, null, null, null))).isInstanceOf(RuntimeException.class);
    verify(affirm, never()).capture(any());
    recordHistory("affirm-expired");
  }

  @Test
  void refusalsOfTheWrongAmountOrStateWriteNothingToHistory() {
    when(affirm.authorize(any())).thenAnswer(call -> chargeExpiringIn(Duration.ofDays(30)));
    AffirmCheckoutWorkflow flow = authorized();
    long events = historyLength();

    assertThatRefused(() -> flow.capture(new AffirmCapture(usd("61.01"), null, null, null)), "at most the authorized USD 61.00");
    assertThatRefused(() -> flow.refund(new RefundRequest(usd("1.00"), "RF-1")), "not captured");

    assertThat(historyLength()).isEqualTo(events);
  }

  @Test
  void duplicateCallbacksAreRefusedOnceDecidedAndTheRedirectIsAnsweredFromState() {
    AffirmCheckoutWorkflow flow = start();
    ShopperRedirect first = flow.confirm(new AffirmConfirmation(TOKEN));
    long events = historyLength();

    assertThatRefused(() -> flow.confirm(new AffirmConfirmation(TOKEN)), "decided already");
    assertThatRefused(() -> flow.confirm(new AffirmConfirmation("OTHERTOKEN")), "decided already");
    assertThatRefused(flow::cancel, "decided already");

    assertThat(flow.shopperRedirect()).isEqualTo(first);
    assertThat(historyLength()).isEqualTo(events);
    verify(affirm, times(1)).authorize(any());
  }

  @Test
  void aShopperWhoNeverConfirmsExpiresTheCheckoutAndTheRunFails() throws Exception {
    AffirmCheckoutWorkflow flow = start();

    env.sleep(Duration.ofHours(3).plusMinutes(1));

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> WorkflowStub.fromTyped(flow).getResult(FlowStatus.class)))
        .isInstanceOf(WorkflowFailedException.class);
    FlowStatus status = flow.status();
    assertThat(status.state()).isEqualTo(FlowState.EXPIRED);
    assertThat(status.failure().code()).isEqualTo("checkout_expired");
    verify(affirm, never()).authorize(any());
    recordHistory("affirm-checkout-expired");
  }

  @Test
  void theCancelCallbackCancels() throws Exception {
    AffirmCheckoutWorkflow flow = start();

    ShopperRedirect redirect = flow.cancel();

    assertThat(redirect.location()).isEqualTo(PAYMENT_PAGE + "?flowId=" + FLOW_ID + "&status=CANCELLED&reason=shopper_cancelled");
    assertThat(flow.status().state()).isEqualTo(FlowState.CANCELLED);
    verify(affirm, never()).authorize(any());
    recordHistory("affirm-cancelled");
  }

  @Test
  void theSameOrderIdWithAnotherCheckoutIsRefused() {
    start();
    AffirmCheckoutWorkflow again = newStub();

    assertThatThrownBy(
            () ->
                WorkflowClient.executeUpdateWithStart(
                    again::checkoutOpened,
                    "another-digest",
                    UpdateOptions.<AffirmCheckoutOpened>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
                    new WithStartWorkflowOperation<>(again::run, input())))
        .hasStackTraceContaining(FlowRefusal.REFERENCE_IN_USE.failureType());
  }

  /**
   * Bounded flows: 200 refunds make the after-sale continue as new (past 1,000 events), carrying the
   * charge and the ledger; every refund is answerable in the last run and the window closes when due.
   */
  @Test
  void manyRefundsContinueAsNewWithTheChargeAndTheLedger() throws Exception {
    authorized().capture(new AffirmCapture(usd("61.00"), ORDER_ID, "USPS", "1Z999"));
    AffirmCheckoutWorkflow flow = client.newWorkflowStub(AffirmCheckoutWorkflow.class, FLOW_ID);
    List<RefundRecord> made = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      made.add(flow.refund(new RefundRequest(usd("0.05"), "RF-" + i)));
    }

    String firstRun = client.fetchHistory(FLOW_ID).getEvents().get(0)
        .getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
    assertThat(firstRun).as("the flow continued as new").isNotEmpty();
    assertThat(flow.refund(new RefundRequest(usd("0.05"), "RF-0"))).isEqualTo(made.get(0));
    flow.update(new AffirmChargeUpdate(null, "UPS", "1Z1000"));
    ArgumentCaptor<AffirmChargeCall> update = ArgumentCaptor.forClass(AffirmChargeCall.class);
    verify(affirm).update(update.capture());
    assertThat(update.getValue().chargeId()).isEqualTo(CHARGE_ID);
    verify(affirm, times(200)).refund(any());
    FlowStatus status = flow.status();
    assertThat(status.refundedAmount()).isEqualTo(usd("10.00"));
    assertThat(status.refunds()).containsExactlyElementsOf(made);

    env.sleep(Duration.ofDays(121));
    FlowStatus result = client.newUntypedWorkflowStub(FLOW_ID).getResult(FlowStatus.class);
    assertThat(result.refunds()).hasSize(200);
    assertThat(result.steps().get(result.steps().size() - 1).name()).isEqualTo("after_sale_closed");
    recordHistory("affirm-continued-as-new-closed");
  }

  // --- webhooks -------------------------------------------------------------------------------

  @Test
  void theMerchantsWebhookHearsAuthorizedCapturedAndEachRefundOnceInOrder() throws Exception {
    webhooks.subscribe(MERCHANT_ID);
    AffirmCheckoutWorkflow flow = authorized();
    flow.capture(new AffirmCapture(usd("50.00"), ORDER_ID, "USPS", "1Z999"));
    flow.refund(new RefundRequest(usd("20.00"), "RF-1"));
    flow.refund(new RefundRequest(usd("30.00"), "RF-2"));

    List<MerchantWebhookEvent> events =
        webhooks.assertReceivedOnceInOrder(
            client, FLOW_ID,
            "flow.awaiting_shopper", "flow.authorized", "flow.captured", "flow.partially_refunded", "flow.refunded");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.flowId()).isEqualTo(FLOW_ID);
      assertThat(event.provider()).isEqualTo("affirm");
      assertThat(event.merchantReference()).isEqualTo(ORDER_ID);
      assertThat(event.orderAmount()).isEqualTo(new WebhookAmount("61.00", "USD"));
      assertThat(event.failure()).isNull();
    });
    assertThat(events).extracting(MerchantWebhookEvent::capturedAmount)
        .containsExactly(null, null, webhookUsd("50.00"), webhookUsd("50.00"), webhookUsd("50.00"));
    assertThat(events).extracting(MerchantWebhookEvent::refundedAmount)
        .containsExactly(webhookUsd("0.00"), webhookUsd("0.00"), webhookUsd("0.00"), webhookUsd("20.00"), webhookUsd("50.00"));

    env.sleep(Duration.ofDays(121));
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.REFUNDED);
    assertThat(result.refundedAmount()).isEqualTo(usd("50.00"));
    assertThat(names(result)).containsExactly(
        "started", "checkout_opened", "shopper_confirmed", "authorize_requested", "authorized",
        "capture_requested", "captured", "refund_requested", "refunded", "refund_requested", "refunded",
        "after_sale_closed");
    // Deliveries started from the capture and refund Update handlers, replayed.
    recordHistory("affirm-captured-refunded-webhooks");
  }

  @Test
  void theMerchantsWebhookHearsAVoid() throws Exception {
    webhooks.subscribe(MERCHANT_ID);
    AffirmCheckoutWorkflow flow = authorized();

    assertThat(flow.voidCharge().state()).isEqualTo(FlowState.VOIDED);
    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).state()).isEqualTo(FlowState.VOIDED);

    MerchantWebhookEvent voided =
        webhooks.assertReceivedOnceInOrder(client, FLOW_ID, "flow.awaiting_shopper", "flow.authorized", "flow.voided").get(2);
    assertThat(voided.state()).isEqualTo("VOIDED");
    assertThat(voided.capturedAmount()).isNull();
    assertThat(voided.failure()).isNull();
    recordHistory("affirm-voided-webhooks");
  }

  /**
   * Why every test that subscribes a merchant registers a webhook worker: without one the flow
   * still goes on (a delivery counts as started once the server has recorded it), but its first
   * workflow task stays scheduled, and the test server skips no time while one is (see
   * RecordingWebhookEndpoint). This test waits on no timer, so it ends.
   */
  @Test
  void aDeliveryNoWorkerRunsDoesNotHoldTheFlowUp() {
    TestWorkflowEnvironment noWebhookWorker = TestWorkflowEnvironment.newInstance();
    try {
      FlowSearchAttributes.DEFINITIONS.forEach(noWebhookWorker::registerSearchAttribute);
      Worker flows = noWebhookWorker.newWorker(TASK_QUEUE);
      flows.registerWorkflowImplementationTypes(AffirmCheckoutWorkflowImpl.class);
      flows.registerActivitiesImplementations(affirm);
      noWebhookWorker.start();
      WebhookSubscriptions.use(MERCHANT_ID::equals);
      WorkflowClient bare = noWebhookWorker.getWorkflowClient();
      AffirmCheckoutWorkflow flow = newStub(bare);
      WorkflowClient.executeUpdateWithStart(
          flow::checkoutOpened,
          DIGEST,
          UpdateOptions.<AffirmCheckoutOpened>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
          new WithStartWorkflowOperation<>(flow::run, input()));

      assertThat(flow.confirm(new AffirmConfirmation(TOKEN)).state()).isEqualTo(FlowState.AUTHORIZED);
      assertThat(flow.capture(new AffirmCapture(null, null, null, null)).state()).isEqualTo(FlowState.CAPTURED);

      List<String> deliveries = bare.fetchHistory(FLOW_ID).getEvents().stream()
          .filter(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED)
          .map(e -> e.getChildWorkflowExecutionStartedEventAttributes().getWorkflowExecution().getWorkflowId())
          .toList();
      assertThat(deliveries).hasSize(3).allSatisfy(id ->
          assertThat(bare.fetchHistory(id).getEvents())
              .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED));
    } finally {
      noWebhookWorker.close();
    }
  }

  private static WebhookAmount webhookUsd(String amount) {
    return new WebhookAmount(amount, "USD");
  }

  // --- helpers --------------------------------------------------------------------------------

  private AffirmCheckoutWorkflow authorized() {
    AffirmCheckoutWorkflow flow = start();
    assertThat(flow.confirm(new AffirmConfirmation(TOKEN)).state()).isEqualTo(FlowState.AUTHORIZED);
    return flow;
  }

  private AffirmCheckoutWorkflow start() {
    AffirmCheckoutWorkflow flow = newStub();
    AffirmCheckoutOpened opened =
        WorkflowClient.executeUpdateWithStart(
            flow::checkoutOpened,
            DIGEST,
            UpdateOptions.<AffirmCheckoutOpened>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
            new WithStartWorkflowOperation<>(flow::run, input()));
    assertThat(opened.state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    return flow;
  }

  private AffirmCheckoutWorkflow newStub() {
    return newStub(client);
  }

  private static AffirmCheckoutWorkflow newStub(WorkflowClient client) {
    return client.newWorkflowStub(
        AffirmCheckoutWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(FLOW_ID)
            .setTaskQueue(TASK_QUEUE)
            .setWorkflowIdConflictPolicy(io.temporal.api.enums.v1.WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .build());
  }

  static AffirmCheckoutInput input() {
    return new AffirmCheckoutInput(
        MERCHANT_ID, ORDER_ID, usd("61.00"), new AffirmMerchantRedirects(CONFIRM_PAGE, PAYMENT_PAGE), DIGEST,
        Duration.ofHours(3), Duration.ofDays(120));
  }

  private AffirmCharge charge(String amount) {
    return chargeExpiringIn(Duration.ofDays(30)).withAmount(usd(amount));
  }

  private AffirmCharge chargeExpiringIn(Duration ttl) {
    Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
    return new AffirmCharge(CHARGE_ID, usd("61.00"), usd("61.00"), now.plus(ttl), ORDER_ID);
  }

  private AffirmChargeEvent event(String type, Money amount) {
    return new AffirmChargeEvent("EV" + ids.incrementAndGet(), "tx" + ids.get(), type, amount, Instant.ofEpochMilli(env.currentTimeMillis()));
  }

  private RefundRecord refundRecord(AffirmChargeCall call) {
    return new RefundRecord("EV" + ids.incrementAndGet(), call.idempotencyKey(), call.merchantReference(), call.amount(),
        Instant.ofEpochMilli(env.currentTimeMillis()));
  }

  static io.temporal.failure.ApplicationFailure refusal(int status, String code, String message) {
    return new ProviderFailure("affirm", status, code, message, null, false).toApplicationFailure(null);
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static void assertThatRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(WorkflowUpdateException.class).rootCause().hasMessageContaining(message);
  }

  /** Events of the flow's history other than workflow tasks. */
  private long historyLength() {
    return client.fetchHistory(FLOW_ID).getEvents().stream()
        // The test server runs a rejected Update in a workflow task of its own (a real server's is
        // speculative and leaves none); what matters is that no Update or effect is recorded.
        .filter(e -> !e.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_TASK_"))
        .count();
  }

  private void recordHistory(String name) throws Exception {
    Path target = Path.of("target", "histories", name + ".json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, client.fetchHistory(FLOW_ID).toJson(true));
  }

  private static List<String> names(FlowStatus status) {
    return status.steps().stream().map(FlowStep::name).toList();
  }
}
