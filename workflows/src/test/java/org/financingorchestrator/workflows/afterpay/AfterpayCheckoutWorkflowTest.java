package org.financingorchestrator.workflows.afterpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.CANCEL_PAGE;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.CONFIRM_PAGE;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.input;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.request;
import static org.financingorchestrator.workflows.afterpay.AfterpayCheckouts.usd;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.financingorchestrator.workflows.common.AfterSale;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.FlowMemo;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.FlowStep;
import org.financingorchestrator.workflows.common.PendingEffect;
import org.financingorchestrator.workflows.common.ProviderCallRetried;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AfterpayCheckoutWorkflowTest {

  private static final String TASK_QUEUE = "afterpay-test";
  private static final String TOKEN = "q54l9qd907m6iqqqlcrm5tpbjjsnfo47vsm59gqrfnd2rqefk9hu";
  private static final String REFERENCE = "order-1001";
  private static final String FLOW_ID = AfterpayCheckouts.flowId(REFERENCE);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private AfterpayActivities afterpay;
  private final AtomicInteger refundIds = new AtomicInteger(56785678);

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    FlowSearchAttributes.DEFINITIONS.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(AfterpayCheckoutWorkflowImpl.class);
    afterpay = mock(AfterpayActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(afterpay);
    env.start();
    client = env.getWorkflowClient();

    when(afterpay.getConfiguration())
        .thenReturn(new AfterpayPaymentLimits(usd("1.00"), usd("2000.00")));
    when(afterpay.createOrder(any()))
        .thenAnswer(call -> new AfterpayOrder(TOKEN, now().plus(Duration.ofHours(3))));
    when(afterpay.capture(TOKEN, REFERENCE)).thenReturn(payment("APPROVED", "21.85"));
    when(afterpay.refund(any())).thenAnswer(call -> refundRecord(call.getArgument(0)));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void capturesThenRefundsTwicePartiallyAndClosesAfterTheAfterSaleWindow() throws Exception {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect redirect = flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));

    assertThat(redirect.location()).isEqualTo(CONFIRM_PAGE + "?flowId=" + FLOW_ID + "&status=CAPTURED");
    assertThat(redirect.state()).isEqualTo(FlowState.CAPTURED);
    FlowStatus captured = flow.status();
    assertThat(captured.capturedAmount()).isEqualTo(usd("21.85"));
    assertThat(captured.providerIds()).containsEntry("token", TOKEN).containsEntry("paymentId", "12345678");

    RefundRecord first = flow.refund(new RefundRequest(usd("5.00"), "RF-1"));
    RefundRecord second = flow.refund(new RefundRequest(usd("6.85"), "RF-2"));
    RefundRecord repeated = flow.refund(new RefundRequest(usd("5.00"), "RF-1"));

    assertThat(repeated).isEqualTo(first);
    ArgumentCaptor<AfterpayRefundCall> calls = ArgumentCaptor.forClass(AfterpayRefundCall.class);
    verify(afterpay, times(2)).refund(calls.capture());
    assertThat(calls.getAllValues()).extracting(AfterpayRefundCall::paymentId).containsOnly("12345678");
    assertThat(calls.getAllValues()).extracting(AfterpayRefundCall::amount).containsExactly(usd("5.00"), usd("6.85"));
    assertThat(calls.getAllValues().get(0).requestId())
        .isNotBlank()
        .isEqualTo(first.requestId())
        .isNotEqualTo(second.requestId());

    FlowStatus refunded = flow.status();
    assertThat(refunded.state()).isEqualTo(FlowState.PARTIALLY_REFUNDED);
    assertThat(refunded.refundedAmount()).isEqualTo(usd("11.85"));
    assertThat(refunded.refunds()).containsExactly(first, second);

    env.sleep(Duration.ofDays(121));
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.PARTIALLY_REFUNDED);
    assertThat(result.steps())
        .extracting(FlowStep::name)
        .containsExactly(
            "started", "limits_checked", "order_created", "shopper_returned", "capture_requested",
            "captured", "refund_requested", "refunded", "refund_requested", "refunded", "after_sale_closed");
    assertThat(result.steps()).extracting(FlowStep::at).isSorted();
    verify(afterpay, times(1)).capture(TOKEN, REFERENCE);
    recordHistory("afterpay-captured-partially-refunded-merchant-id");
  }

  @Test
  void recordsTheMerchantThatStartedItInStatusMemoAndSearchAttributes() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    assertThat(flow.status().merchantId()).isEqualTo(AfterpayCheckouts.MERCHANT_ID);
    assertThat(memo(flow).merchantId()).isEqualTo(AfterpayCheckouts.MERCHANT_ID);
    assertThat(WorkflowStub.fromTyped(flow).describe().getTypedSearchAttributes().get(FlowSearchAttributes.MERCHANT_ID))
        .isEqualTo(AfterpayCheckouts.MERCHANT_ID);
  }

  @Test
  void showsOperatorsWhoItWaitsOnSinceWhenAndWhichProviderCallsTheWorkerRetried() throws Exception {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));
    flow.status();
    WorkflowStub stub = WorkflowStub.fromTyped(flow);
    Instant orderCreated = flow.status().steps().get(flow.status().steps().size() - 1).at();
    assertThat(stub.describe().getTypedSearchAttributes().get(FlowSearchAttributes.WAITING_ON)).isEqualTo("shopper");
    assertThat(stub.describe().getTypedSearchAttributes().get(FlowSearchAttributes.WAITING_SINCE).toInstant())
        .isEqualTo(orderCreated);

    // What the worker sends while it retries a call (at its reported attempts only).
    stub.signal(ProviderCallRetried.SIGNAL, new ProviderCallRetried("AfterpayCapture", 1));
    stub.signal(ProviderCallRetried.SIGNAL, new ProviderCallRetried("AfterpayCapture", 4));
    stub.signal(ProviderCallRetried.SIGNAL, new ProviderCallRetried("AfterpayGetConfiguration", 3));
    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));

    var attributes = stub.describe().getTypedSearchAttributes();
    assertThat(attributes.get(FlowSearchAttributes.CALLS_RETRIED)).containsExactly("AfterpayCapture", "AfterpayGetConfiguration");
    assertThat(attributes.get(FlowSearchAttributes.CALL_RETRIES)).isEqualTo(4L);
    // Captured: nobody is awaited any more.
    assertThat(attributes.containsKey(FlowSearchAttributes.WAITING_ON)).isFalse();
    assertThat(attributes.containsKey(FlowSearchAttributes.WAITING_SINCE)).isFalse();
    env.sleep(Duration.ofDays(121));
    assertThat(stub.getResult(FlowStatus.class).state()).isEqualTo(FlowState.CAPTURED);
    // The UI shows each provider step in words (user metadata on the scheduled activity).
    List<String> summaries =
        client.fetchHistory(FLOW_ID).getEvents().stream()
            .filter(io.temporal.api.history.v1.HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .filter(event -> event.getUserMetadata().hasSummary())
            .map(event -> DefaultDataConverter.STANDARD_INSTANCE.fromPayload(event.getUserMetadata().getSummary(), String.class, String.class))
            .toList();
    assertThat(summaries).containsExactly("create the order for 21.85 USD at Afterpay", "capture 21.85 USD at Afterpay");
    recordHistory("afterpay-captured-waiting-and-retries");
  }

  @Test
  void recordsItsStatusInTheMemoAtEveryStateChange() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    FlowStatus awaiting = memo(flow);
    assertThat(awaiting.state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    assertThat(awaiting.flowId()).isEqualTo(FLOW_ID);
    assertThat(awaiting.merchantReference()).isEqualTo(REFERENCE);
    assertThat(awaiting.orderAmount()).isEqualTo(usd("21.85"));
    assertThat(awaiting.providerIds()).containsExactly(entry("token", TOKEN));
    assertThatTheMemoIsTheStatusWithItsLastStep(awaiting, flow.status(), "order_created");

    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));

    FlowStatus captured = memo(flow);
    assertThat(captured.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(captured.capturedAmount()).isEqualTo(usd("21.85"));
    assertThat(captured.providerIds()).containsEntry("paymentId", "12345678");
    assertThatTheMemoIsTheStatusWithItsLastStep(captured, flow.status(), "captured");

    RefundRecord refund = flow.refund(new RefundRequest(usd("5.00"), "RF-1"));

    FlowStatus refunded = memo(flow);
    assertThat(refunded.state()).isEqualTo(FlowState.PARTIALLY_REFUNDED);
    assertThat(refunded.refundedAmount()).isEqualTo(usd("5.00"));
    assertThat(refunded.refunds()).containsExactly(refund);
    assertThatTheMemoIsTheStatusWithItsLastStep(refunded, flow.status(), "refunded");
  }

  @Test
  void theMemoRecordsHowAFlowEndedAndWhy() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.CANCELLED));
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);

    FlowStatus cancelled = memo(flow);
    assertThat(cancelled.state()).isEqualTo(FlowState.CANCELLED);
    assertThat(cancelled.failure()).isEqualTo(result.failure());
    assertThat(cancelled.failure().code()).isEqualTo("shopper_cancelled");
    assertThatTheMemoIsTheStatusWithItsLastStep(cancelled, result, "shopper_cancelled");
  }

  @Test
  void refusesARefundOverWhatIsLeftWithoutCallingAfterpay() throws Exception {
    AfterpayCheckoutWorkflow flow = capturedFlow();
    flow.refund(new RefundRequest(usd("20.00"), "RF-1"));

    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("1.86"), "RF-2")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("exceeds what is left to refund: USD 1.85");
    assertThatThrownBy(() -> flow.refund(new RefundRequest(Money("1.00", "CAD"), "RF-3")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("currency must be USD");

    RefundRecord rest = flow.refund(new RefundRequest(usd("1.85"), "RF-4"));
    assertThat(rest.amount()).isEqualTo(usd("1.85"));
    assertThat(flow.status().state()).isEqualTo(FlowState.REFUNDED);
    verify(afterpay, times(2)).refund(any());
    recordHistory("afterpay-refunded-in-full");
  }

  @Test
  void refusesRefundsBeforeCapture() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("1.00"), "RF-1")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("not captured");
    verify(afterpay, never()).refund(any());
  }

  @Test
  void aRefundAfterpayRefusesFailsTheRefundButNotTheFlow() throws Exception {
    AfterpayCheckoutWorkflow flow = capturedFlow();
    doThrow(new ProviderFailure("afterpay", 412, "precondition_failed", "not eligible", "e-412", false).toApplicationFailure(null))
        .when(afterpay)
        .refund(any());

    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("1.00"), "RF-1")))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class, failure -> assertThat(failure.getType()).isEqualTo("precondition_failed"));
    FlowStatus status = flow.status();
    assertThat(status.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(status.steps()).extracting(FlowStep::name).contains("refund_failed");
    assertThat(status.refundedAmount()).isEqualTo(usd("0.00"));
    recordHistory("afterpay-refund-failed");
  }

  @Test
  void sendsCourierUpdatesForTheCapturedPayment() {
    AfterpayCheckoutWorkflow flow = capturedFlow();
    AfterpayCourier courier = new AfterpayCourier(Instant.parse("2026-11-21T10:00:00Z"), "CourierPost", "AA999999999AA", "STANDARD");

    flow.updateCourier(courier);

    verify(afterpay).updateCourier("12345678", courier);
    assertThat(flow.status().steps()).extracting(FlowStep::name).contains("courier_updated");

    // The same details again would change nothing: refused as unchanged, nothing written (the
    // real server drops a rejected Update's workflow task too; this test server keeps it).
    long events = eventsBesidesWorkflowTasks();
    assertThatThrownBy(() -> flow.updateCourier(courier))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            refused -> assertThat(FlowRefusal.ofFailureType(refused.getType())).contains(FlowRefusal.UNCHANGED));
    assertThat(eventsBesidesWorkflowTasks()).isEqualTo(events);
    verify(afterpay, times(1)).updateCourier("12345678", courier);
    assertThatThrownBy(() -> flow.updateCourier(new AfterpayCourier(null, null, null, "URGENT")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("STANDARD or EXPRESS");
  }

  @Test
  void cancelledByTheShopperSendsTheBrowserToTheCancelPage() throws Exception {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));
    assertThat(flow.shopperRedirect()).isNull();

    ShopperRedirect redirect = flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.CANCELLED));

    assertThat(redirect.location())
        .isEqualTo(CANCEL_PAGE + "&flowId=" + FLOW_ID + "&status=CANCELLED&reason=shopper_cancelled");
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.CANCELLED);
    assertThat(result.failure().code()).isEqualTo("shopper_cancelled");
    verify(afterpay, never()).capture(anyString(), anyString());
    recordHistory("afterpay-cancelled");
  }

  @Test
  void failureFromAfterpayDeclinesWithoutCapture() throws Exception {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect redirect = flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.FAILURE));

    assertThat(redirect.state()).isEqualTo(FlowState.DECLINED);
    assertThat(redirect.reason()).isEqualTo("shopper_declined");
    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).state()).isEqualTo(FlowState.DECLINED);
    verify(afterpay, never()).capture(anyString(), anyString());
    recordHistory("afterpay-declined");
  }

  @Test
  void expiresWhenTheShopperDoesNotReturnBeforeTheToken() throws Exception {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);

    assertThat(result.state()).isEqualTo(FlowState.EXPIRED);
    assertThat(result.failure().code()).isEqualTo("order_expired");
    assertThat(result.steps().get(result.steps().size() - 1).at())
        .isAfterOrEqualTo(result.steps().get(0).at().plus(Duration.ofHours(3)));
    assertThatThrownBy(() -> flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS)))
        .isInstanceOf(RuntimeException.class);
    // A shopper coming back late is still sent to the merchant's page, with the reason.
    assertThat(flow.shopperRedirect().location())
        .isEqualTo(CANCEL_PAGE + "&flowId=" + FLOW_ID + "&status=EXPIRED&reason=order_expired");
    verify(afterpay, never()).capture(anyString(), anyString());
    recordHistory("afterpay-expired");
  }

  @Test
  void aDeclinedCaptureEndsDeclinedWithAfterpaysCodeAndMessage() {
    when(afterpay.capture(TOKEN, REFERENCE))
        .thenThrow(new ProviderFailure("afterpay", 402, "declined", "Payment declined", "f3a9", false).toApplicationFailure(null));
    // Afterpay keeps the declined payment: the look-up finds it, and the 402 still says why.
    when(afterpay.findPaymentByToken(TOKEN)).thenReturn(payment("DECLINED", "21.85"));
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect redirect = flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));

    assertThat(redirect.location()).isEqualTo(CANCEL_PAGE + "&flowId=" + FLOW_ID + "&status=DECLINED&reason=declined");
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.DECLINED);
    assertThat(result.failure().source()).isEqualTo("afterpay");
    assertThat(result.failure().code()).isEqualTo("declined");
    assertThat(result.failure().message()).isEqualTo("Payment declined");
    assertThat(result.failure().httpStatus()).isEqualTo(402);
    assertThat(result.failure().errorId()).isEqualTo("f3a9");
    // Final refusals are not retried.
    verify(afterpay, times(1)).capture(TOKEN, REFERENCE);
  }

  @Test
  void aCaptureRefusedWithInvalidTokenBeforeExpiryKeepsWaitingAndALaterApprovalCaptures() throws Exception {
    // A forged SUCCESS before the shopper approved: Afterpay refuses the capture, the token unused.
    when(afterpay.capture(TOKEN, REFERENCE))
        .thenThrow(invalidToken())
        .thenReturn(payment("APPROVED", "21.85"));
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect early =
        flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS, "return-1"));

    assertThat(early.location())
        .isEqualTo(CANCEL_PAGE + "&flowId=" + FLOW_ID + "&status=AWAITING_SHOPPER&reason=invalid_token");
    assertThat(flow.status().state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    assertThat(flow.status().failure()).isNull();
    assertThat(flow.shopperRedirect()).isNull();
    // The next return is a new round: a new Update, while repeats of the first attach to the first.
    // The API tells this answer from a later return's (which Temporal answers the same) by its id.
    assertThat(flow.shopperReturnRound()).isEqualTo(new AfterpayReturnRound(TOKEN, 1, null, "return-1"));

    env.sleep(Duration.ofHours(1));
    ShopperRedirect approved = flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));

    assertThat(approved.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(approved.location()).isEqualTo(CONFIRM_PAGE + "?flowId=" + FLOW_ID + "&status=CAPTURED");
    assertThat(flow.status().steps())
        .extracting(FlowStep::name)
        .containsSubsequence(
            "shopper_returned", "capture_requested", "capture_refused", "capture_refused_awaiting_shopper",
            "shopper_returned", "capture_requested", "captured");
    verify(afterpay, times(2)).capture(TOKEN, REFERENCE);
    assertThat(flow.shopperReturnRound()).isEqualTo(new AfterpayReturnRound(TOKEN, 1, approved, "return-1"));
    verify(afterpay, times(2)).capture(TOKEN, REFERENCE);
    recordHistory("afterpay-invalid-token-then-captured");
  }

  @Test
  void aCaptureRefusedWithInvalidTokenStillExpiresWhenTheShopperNeverApproves() {
    when(afterpay.capture(TOKEN, REFERENCE)).thenThrow(invalidToken());
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    assertThat(flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS)).reason())
        .isEqualTo("invalid_token");
    env.sleep(Duration.ofHours(4));

    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.EXPIRED);
    assertThat(result.failure().code()).isEqualTo("order_expired");
  }

  private static RuntimeException invalidToken() {
    return new ProviderFailure("afterpay", 402, "invalid_token", "Cannot complete payment, expired or invalid token.", "e-1", false)
        .toApplicationFailure(null);
  }

  @Test
  void aRepeatedShopperReturnAnswersTheSameRedirectAndCapturesOnce() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect first = flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
    int accepted = acceptedUpdates();

    // A return after the decision, the same or contrary, is refused as unchanged: the flow
    // accepts no Update for it (the real server then writes nothing; this test server still
    // records the task that ran the validator), and the API answers it with the decision.
    for (AfterpayShopperReturn.Status status : List.of(AfterpayShopperReturn.Status.SUCCESS, AfterpayShopperReturn.Status.CANCELLED)) {
      assertThatThrownBy(() -> flow.shopperReturn(new AfterpayShopperReturn(TOKEN, status)))
          .isInstanceOf(WorkflowUpdateException.class)
          .rootCause()
          .hasMessageContaining("has decided where the shopper goes");
    }
    assertThat(acceptedUpdates()).isEqualTo(accepted);
    assertThat(flow.shopperRedirect()).isEqualTo(first);
    verify(afterpay, times(1)).capture(TOKEN, REFERENCE);
    assertThat(flow.status().state()).isEqualTo(FlowState.CAPTURED);
  }

  @Test
  void refusesAReturnWithAnotherFlowsTokenAndChangesNothing() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    assertThatThrownBy(() -> flow.shopperReturn(new AfterpayShopperReturn("not-this-flows-token", AfterpayShopperReturn.Status.SUCCESS)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("orderToken does not belong to this flow")
        // A validator's exception reaches the client as its class name: the refusal's kind.
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(FlowRefusal.ofFailureType(failure.getType())).contains(FlowRefusal.FOREIGN_TOKEN));

    FlowStatus status = flow.status();
    assertThat(status.state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    assertThat(status.steps()).extracting(FlowStep::name).doesNotContain("shopper_returned");
    verify(afterpay, never()).capture(anyString(), anyString());
  }

  @Test
  void aCapturedTotalThatDiffersFromTheOrderIsRefundedInFull() throws Exception {
    when(afterpay.capture(TOKEN, REFERENCE)).thenReturn(payment("APPROVED", "19.99"));
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect redirect = flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));

    assertThat(redirect.reason()).isEqualTo("amount_mismatch");
    ArgumentCaptor<AfterpayRefundCall> refund = ArgumentCaptor.forClass(AfterpayRefundCall.class);
    verify(afterpay).refund(refund.capture());
    assertThat(refund.getValue().amount()).isEqualTo(usd("19.99"));
    assertThat(refund.getValue().paymentId()).isEqualTo("12345678");
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.FAILED);
    assertThat(result.failure().code()).isEqualTo("amount_mismatch");
    assertThat(result.failure().message()).contains("USD 19.99", "USD 21.85", "refunded in full");
    recordHistory("afterpay-amount-mismatch");
  }

  @Test
  void aCaptureWhoseAnswersWereLostIsFoundByToken() throws Exception {
    when(afterpay.capture(TOKEN, REFERENCE))
        .thenThrow(new ProviderFailure("afterpay", 0, ProviderFailure.UNREACHABLE, "Read timed out", null, true).toApplicationFailure(null));
    when(afterpay.findPaymentByToken(TOKEN)).thenReturn(payment("APPROVED", "21.85"));
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect redirect = shopperReturnSkippingRetries(flow, AfterpayShopperReturn.Status.SUCCESS);

    assertThat(redirect.state()).isEqualTo(FlowState.CAPTURED);
    verify(afterpay, times(5)).capture(TOKEN, REFERENCE);
    assertThat(flow.status().steps()).extracting(FlowStep::name).contains("capture_unanswered", "capture_found", "captured");
    recordHistory("afterpay-capture-found-by-token");
  }

  @Test
  void aCaptureThatNeverGotThroughFailsWithTheLastProviderError() throws Exception {
    when(afterpay.capture(TOKEN, REFERENCE))
        .thenThrow(new ProviderFailure("afterpay", 503, "service_unavailable", "maintenance", "e-503", true).toApplicationFailure(null));
    when(afterpay.findPaymentByToken(TOKEN)).thenReturn(null);
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect redirect = shopperReturnSkippingRetries(flow, AfterpayShopperReturn.Status.SUCCESS);

    assertThat(redirect.state()).isEqualTo(FlowState.FAILED);
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.failure().code()).isEqualTo("service_unavailable");
    assertThat(result.failure().httpStatus()).isEqualTo(503);
  }

  @Test
  void refusesAnOrderOutsideAfterpaysLimitsBeforeCreatingAnything() {
    when(afterpay.getConfiguration()).thenReturn(new AfterpayPaymentLimits(usd("1.00"), usd("20.00")));

    assertThatThrownBy(() -> start(request(REFERENCE)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("amount_outside_limits");
              assertThat(failure.getOriginalMessage()).contains("USD 21.85", "[1.00, 20.00]");
            });
    verify(afterpay, never()).createOrder(any());
    // Nothing was created at Afterpay: the run fails, so the reference can start again.
    assertThatThrownBy(() -> client.newUntypedWorkflowStub(FLOW_ID).getResult(FlowStatus.class))
        .isInstanceOf(io.temporal.client.WorkflowFailedException.class);
    assertThat(client.newUntypedWorkflowStub(FLOW_ID).query(FlowStatus.QUERY, FlowStatus.class).state())
        .isEqualTo(FlowState.FAILED);
  }

  @Test
  void theSameMerchantReferenceAttachesToTheRunningFlowAndAnotherOrderIsRefused() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));
    AfterpayOrderCreated again = startAndGetOrder(request(REFERENCE));

    assertThat(again.token()).isEqualTo(TOKEN);
    assertThat(again.state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    verify(afterpay, times(1)).createOrder(any());

    AfterpayCheckoutRequest other = request(REFERENCE);
    AfterpayCheckoutRequest changed =
        new AfterpayCheckoutRequest(
            other.merchantReference(), usd("31.85"), other.consumer(), other.billing(), other.shipping(),
            other.courier(), other.description(), other.items(), other.discounts(), other.taxAmount(),
            usd("20.00"), other.merchant());
    assertThatThrownBy(() -> startAndGetOrder(changed))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("already used by a different Afterpay order");
    assertThat(flow.status().orderAmount()).isEqualTo(usd("21.85"));
  }

  @Test
  void aRepeatedStartAnswersTheFlowsStateThenAndWritesOnlyTheCheckoutsDigestIntoHistory() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));
    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
    long copiesBefore = copiesInHistory(request(REFERENCE).consumer().email());

    AfterpayOrderCreated again = startAndGetOrder(request(REFERENCE));

    assertThat(again.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(again.token()).isEqualTo(TOKEN);
    // The start's input and the Create Order call hold the shopper's details; a repeat adds none.
    assertThat(copiesBefore).isEqualTo(2);
    assertThat(copiesInHistory(request(REFERENCE).consumer().email())).isEqualTo(copiesBefore);
    assertThat(copiesInHistory(AfterpayCheckoutDigest.of(request(REFERENCE)))).isEqualTo(2);
  }

  /** How often a text stands in the flow's history (protobuf text shows payload bytes as they are). */
  private long copiesInHistory(String text) {
    String history = client.fetchHistory(FLOW_ID).getHistory().toString();
    return history.split(java.util.regex.Pattern.quote(text), -1).length - 1;
  }

  @Test
  void theOrderUpdateFlowsStartedBeforeOrderCreatedWereSentStillAnswersTheOrder() {
    AfterpayCheckoutWorkflow flow = newStub(request(REFERENCE));
    AfterpayOrder order =
        WorkflowClient.executeUpdateWithStart(
            flow::order,
            request(REFERENCE),
            UpdateOptions.<AfterpayOrder>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
            new WithStartWorkflowOperation<>(flow::run, input(request(REFERENCE))));

    assertThat(order.token()).isEqualTo(TOKEN);
    assertThat(startAndGetOrder(request(REFERENCE)).token()).isEqualTo(TOKEN);
  }

  // --- issue 6: money is never lost or doubled ------------------------------------------------

  @Test
  void aRefundAnsweredOnlyWith503sWhileAfterpayIsDownIsSentAgainWithTheSameRequestIdUntilItAnswers() throws Exception {
    AfterpayCheckoutWorkflow flow = capturedFlow();
    AtomicInteger attempts = new AtomicInteger();
    failingRefundAttempts(attempts, 10);

    WorkflowUpdateHandle<RefundRecord> refund = startRefund(flow, "RF-1", "5.00");
    env.sleep(Duration.ofMinutes(2));

    FlowStatus inFlight = flow.status();
    assertThat(inFlight.refundedAmount()).isEqualTo(usd("0.00"));
    assertThat(inFlight.pending()).singleElement().satisfies(pending -> {
      assertThat(pending.effect()).isEqualTo(PendingEffect.REFUND);
      assertThat(pending.reference()).isEqualTo("RF-1");
      assertThat(pending.amount()).isEqualTo(usd("5.00"));
    });
    assertThat(pendingAttribute(flow)).isEqualTo("refund");
    assertThat(memo(flow).pending()).hasSize(1);

    env.sleep(Duration.ofMinutes(30));
    RefundRecord refunded = refund.getResultAsync().get();

    ArgumentCaptor<AfterpayRefundCall> calls = ArgumentCaptor.forClass(AfterpayRefundCall.class);
    verify(afterpay, times(11)).refund(calls.capture());
    assertThat(calls.getAllValues()).extracting(AfterpayRefundCall::requestId).containsOnly(refunded.requestId());
    FlowStatus status = flow.status();
    assertThat(status.refundedAmount()).isEqualTo(usd("5.00"));
    assertThat(status.state()).isEqualTo(FlowState.PARTIALLY_REFUNDED);
    assertThat(status.pending()).isEmpty();
    assertThat(pendingAttribute(flow)).isNull();
  }

  @Test
  void aCaptureLookUpThatFailsIsStillUnknownAndTheCaptureStaysPendingUntilAfterpayAnswers() throws Exception {
    when(afterpay.capture(TOKEN, REFERENCE)).thenThrow(unavailable());
    when(afterpay.findPaymentByToken(TOKEN)).thenThrow(unavailable());
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    WorkflowUpdateHandle<ShopperRedirect> shopper = startShopperReturn(flow);
    env.sleep(Duration.ofHours(3));

    FlowStatus unsettled = flow.status();
    assertThat(unsettled.state()).isEqualTo(FlowState.CAPTURING);
    assertThat(unsettled.pending()).extracting(PendingEffect::effect).containsExactly(PendingEffect.CAPTURE);
    assertThat(unsettled.failure()).isNull();
    assertThat(pendingAttribute(flow)).isEqualTo("capture");
    assertThat(WorkflowStub.fromTyped(flow).describe().getStatus())
        .isEqualTo(io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    org.mockito.Mockito.doReturn(payment("APPROVED", "21.85")).when(afterpay).findPaymentByToken(TOKEN);
    env.sleep(Duration.ofMinutes(15));

    assertThat(shopper.getResultAsync().get().state()).isEqualTo(FlowState.CAPTURED);
    FlowStatus captured = flow.status();
    assertThat(captured.capturedAmount()).isEqualTo(usd("21.85"));
    assertThat(captured.pending()).isEmpty();
    assertThat(captured.steps()).extracting(FlowStep::name).contains("capture_unanswered", "capture_found");
    assertThat(pendingAttribute(flow)).isNull();
  }

  @Test
  void aRefusalOnACaptureRetryAfterAnAttemptWithoutAnswerIsSettledByLookingUpTheToken() throws Exception {
    when(afterpay.capture(TOKEN, REFERENCE))
        .thenThrow(new ProviderFailure("afterpay", 0, ProviderFailure.UNREACHABLE, "Read timed out", null, true).toApplicationFailure(null))
        .thenThrow(new ProviderFailure("afterpay", 402, "invalid_token", "Token already used", "e-402", false).toApplicationFailure(null));
    when(afterpay.findPaymentByToken(TOKEN)).thenReturn(payment("APPROVED", "21.85"));
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    ShopperRedirect redirect = shopperReturnSkippingRetries(flow, AfterpayShopperReturn.Status.SUCCESS);

    assertThat(redirect.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(flow.status().capturedAmount()).isEqualTo(usd("21.85"));
    verify(afterpay, times(2)).capture(TOKEN, REFERENCE);
  }

  @Test
  void aFinalRefusalOtherThanADeclineIsAlsoSettledByLookingUpTheToken() throws Exception {
    when(afterpay.capture(TOKEN, REFERENCE))
        .thenThrow(new ProviderFailure("afterpay", 401, "unauthorized", "bad key", null, false).toApplicationFailure(null));
    when(afterpay.findPaymentByToken(TOKEN)).thenReturn(payment("APPROVED", "21.85"));
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    assertThat(shopperReturnSkippingRetries(flow, AfterpayShopperReturn.Status.SUCCESS).state()).isEqualTo(FlowState.CAPTURED);
    verify(afterpay).findPaymentByToken(TOKEN);
  }

  @Test
  void aMismatchRefundThatFailsIsRetriedAndTheFlowEndsOnlyOnceItIsSettled() throws Exception {
    when(afterpay.capture(TOKEN, REFERENCE)).thenReturn(payment("APPROVED", "19.99"));
    AtomicInteger attempts = new AtomicInteger();
    failingRefundAttempts(attempts, 10);
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    WorkflowUpdateHandle<ShopperRedirect> shopper = startShopperReturn(flow);
    env.sleep(Duration.ofMinutes(2));

    FlowStatus unsettled = flow.status();
    assertThat(unsettled.capturedAmount()).isEqualTo(usd("19.99"));
    assertThat(unsettled.pending()).extracting(PendingEffect::effect, PendingEffect::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(PendingEffect.REFUND, usd("19.99")));
    assertThat(pendingAttribute(flow)).isEqualTo("refund");

    env.sleep(Duration.ofMinutes(30));
    assertThat(shopper.getResultAsync().get().reason()).isEqualTo("amount_mismatch");
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.FAILED);
    assertThat(result.failure().code()).isEqualTo("amount_mismatch");
    assertThat(result.capturedAmount()).isEqualTo(usd("19.99"));
    assertThat(result.refundedAmount()).isEqualTo(usd("19.99"));
    assertThat(result.pending()).isEmpty();
    ArgumentCaptor<AfterpayRefundCall> calls = ArgumentCaptor.forClass(AfterpayRefundCall.class);
    verify(afterpay, times(11)).refund(calls.capture());
    assertThat(calls.getAllValues().stream().map(AfterpayRefundCall::requestId).distinct()).hasSize(1);
    assertThat(calls.getAllValues()).extracting(AfterpayRefundCall::merchantReference).containsOnly("amount-mismatch");
    recordHistory("afterpay-amount-mismatch-refund-settled");
  }

  @Test
  void aMismatchRefundAfterpayRefusesEndsNeedingAttentionWithTheCapturedAmountShown() {
    when(afterpay.capture(TOKEN, REFERENCE)).thenReturn(payment("APPROVED", "19.99"));
    doThrow(new ProviderFailure("afterpay", 412, "precondition_failed", "not eligible", "e-412", false).toApplicationFailure(null))
        .when(afterpay)
        .refund(any());
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));

    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));

    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.FAILED);
    assertThat(result.failure().code()).isEqualTo("amount_mismatch_refund_failed");
    assertThat(result.capturedAmount()).isEqualTo(usd("19.99"));
    assertThat(result.refundedAmount()).isEqualTo(usd("0.00"));
    assertThat(result.pending()).isEmpty();
  }

  @Test
  void theSameRefundReferenceWithAnotherAmountIsRefusedWhileTheFirstIsInFlightAndAfter() throws Exception {
    AfterpayCheckoutWorkflow flow = capturedFlow();
    AtomicInteger attempts = new AtomicInteger();
    failingRefundAttempts(attempts, 5);
    WorkflowUpdateHandle<RefundRecord> first = startRefund(flow, "RF-1", "10.00");

    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("5.00"), "RF-1")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(FlowRefusal.REFERENCE_REUSED.failureType()));

    env.sleep(Duration.ofMinutes(5));
    assertThat(first.getResultAsync().get().amount()).isEqualTo(usd("10.00"));
    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("5.00"), "RF-1")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(FlowRefusal.REFERENCE_REUSED.failureType()));
    assertThat(flow.status().refundedAmount()).isEqualTo(usd("10.00"));
    ArgumentCaptor<AfterpayRefundCall> calls = ArgumentCaptor.forClass(AfterpayRefundCall.class);
    verify(afterpay, times(6)).refund(calls.capture());
    assertThat(calls.getAllValues()).extracting(AfterpayRefundCall::amount).containsOnly(usd("10.00"));
  }

  @Test
  void anUpdateIdTheValidatorRefusedCanBeSentAgainAndIsValidatedAgain() {
    AfterpayCheckoutWorkflow flow = capturedFlow();
    WorkflowStub stub = WorkflowStub.fromTyped(flow);

    assertThatThrownBy(() -> refundWithUpdateId(stub, "refund-RF-9", new RefundRequest(usd("30.00"), "RF-9")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("exceeds what is left");
    RefundRecord refund = refundWithUpdateId(stub, "refund-RF-9", new RefundRequest(usd("5.00"), "RF-9"));

    assertThat(refund.amount()).isEqualTo(usd("5.00"));
    assertThat(flow.status().refundedAmount()).isEqualTo(usd("5.00"));
  }

  @Test
  void aRefundNeedsTheMerchantsReference() {
    AfterpayCheckoutWorkflow flow = capturedFlow();

    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("5.00"), null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("merchantReference is required");
    verify(afterpay, never()).refund(any());
  }

  @Test
  void aRefundAnswerThatCannotBeReadIsSettledByThePaymentsRefunds() {
    AfterpayCheckoutWorkflow flow = capturedFlow();
    doThrow(new ProviderFailure("afterpay", 201, ProviderFailure.MALFORMED_RESPONSE, "refundId is missing", null, false)
            .toApplicationFailure(null))
        .when(afterpay)
        .refund(any());
    when(afterpay.findRefund(any())).thenAnswer(call -> refundRecord(call.getArgument(0)));

    RefundRecord refund = flow.refund(new RefundRequest(usd("5.00"), "RF-1"));

    assertThat(refund.merchantReference()).isEqualTo("RF-1");
    FlowStatus status = flow.status();
    assertThat(status.refundedAmount()).isEqualTo(usd("5.00"));
    assertThat(status.steps()).extracting(FlowStep::name).contains("refund_unanswered", "refunded");
    ArgumentCaptor<AfterpayRefundCall> lookedUp = ArgumentCaptor.forClass(AfterpayRefundCall.class);
    verify(afterpay).findRefund(lookedUp.capture());
    assertThat(lookedUp.getValue().requestId()).isEqualTo(refund.requestId());
  }

  @Test
  void aRefundTheLookUpDoesNotFindWasNotMadeAndThatIsTheDefiniteAnswer() {
    AfterpayCheckoutWorkflow flow = capturedFlow();
    doThrow(new ProviderFailure("afterpay", 201, ProviderFailure.MALFORMED_RESPONSE, "refundId is missing", null, false)
            .toApplicationFailure(null))
        .when(afterpay)
        .refund(any());

    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("5.00"), "RF-1")))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> assertThat(failure.getType()).isEqualTo("not_made"));
    assertThat(flow.status().pending()).isEmpty();
    assertThat(flow.status().refundedAmount()).isEqualTo(usd("0.00"));
  }

  @Test
  void aFlowThatCreatedNoOrderFailsItsRunAndTheSameReferenceStartsAgain() throws Exception {
    when(afterpay.createOrder(any())).thenThrow(unavailable());
    AfterpayCheckoutWorkflow flow = newStub(request(REFERENCE), WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY);
    WorkflowUpdateHandle<AfterpayOrder> order =
        WorkflowClient.startUpdateWithStart(
            flow::order,
            request(REFERENCE),
            UpdateOptions.<AfterpayOrder>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(),
            new WithStartWorkflowOperation<>(flow::run, input(request(REFERENCE))));
    env.sleep(Duration.ofMinutes(5));

    assertThatThrownBy(() -> order.getResultAsync().get()).hasRootCauseInstanceOf(ApplicationFailure.class);
    String failedRun = WorkflowStub.fromTyped(flow).getExecution().getRunId();
    assertThatThrownBy(() -> client.newUntypedWorkflowStub(FLOW_ID).getResult(FlowStatus.class))
        .isInstanceOf(io.temporal.client.WorkflowFailedException.class)
        .rootCause()
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> assertThat(failure.getType()).isEqualTo("service_unavailable"));
    assertThat(client.newUntypedWorkflowStub(FLOW_ID).query(FlowStatus.QUERY, FlowStatus.class).state())
        .isEqualTo(FlowState.FAILED);

    org.mockito.Mockito.doAnswer(call -> new AfterpayOrder(TOKEN, now().plus(Duration.ofHours(3))))
        .when(afterpay)
        .createOrder(any());
    AfterpayCheckoutWorkflow again = newStub(request(REFERENCE), WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY);
    AfterpayOrder created =
        WorkflowClient.executeUpdateWithStart(
            again::order,
            request(REFERENCE),
            UpdateOptions.<AfterpayOrder>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
            new WithStartWorkflowOperation<>(again::run, input(request(REFERENCE))));

    assertThat(created.token()).isEqualTo(TOKEN);
    assertThat(WorkflowStub.fromTyped(again).getExecution().getRunId()).isNotEqualTo(failedRun);
    assertThat(again.status().state()).isEqualTo(FlowState.AWAITING_SHOPPER);
  }

  @Test
  void aFlowThatEndedAfterCreatingAnOrderStillCompletesAndKeepsItsReference() {
    AfterpayCheckoutWorkflow flow = newStub(request(REFERENCE), WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY);
    WorkflowClient.executeUpdateWithStart(
        flow::order,
        request(REFERENCE),
        UpdateOptions.<AfterpayOrder>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, input(request(REFERENCE))));

    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).state()).isEqualTo(FlowState.EXPIRED);
    assertThatThrownBy(() -> startAndGetOrder(request(REFERENCE), WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY))
        .isInstanceOf(io.temporal.client.WorkflowServiceException.class);
  }

  /**
   * Issue 8, bounded flows: 500 refunds on one flow. The after-sale window continues as new
   * whenever a run's history grows long, carrying the ledger: every run stays under the bound,
   * every refund is made once, a reference from an earlier run still answers its refund, and the
   * window still closes when it was due.
   */
  @Test
  void fiveHundredRefundsContinueAsNewWithTheLedgerAndEveryRunsHistoryStaysBounded() throws Exception {
    capturedFlow();
    // No run id: each request goes to the flow's current run.
    AfterpayCheckoutWorkflow flow = client.newWorkflowStub(AfterpayCheckoutWorkflow.class, FLOW_ID);
    List<RefundRecord> made = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      made.add(flow.refund(new RefundRequest(usd("0.01"), "RF-" + i)));
    }

    List<WorkflowExecutionHistory> runs = runs();
    List<Integer> runLengths = runs.stream().map(run -> run.getEvents().size()).toList();
    assertThat(runLengths).hasSizeGreaterThan(5);
    // The first run: order, capture, refunds, then continued as new.
    Files.createDirectories(Path.of("target", "histories"));
    Files.writeString(
        Path.of("target", "histories", "afterpay-captured-refunded-continued-as-new.json"),
        runs.get(runs.size() - 1).toJson(true));
    // One run: up to the threshold, plus the refund in progress when it was crossed and the continue.
    assertThat(runLengths).allSatisfy(events -> assertThat(events).isLessThan(BOUND));
    verify(afterpay, times(500)).refund(any());

    FlowStatus status = flow.status();
    assertThat(status.state()).isEqualTo(FlowState.PARTIALLY_REFUNDED);
    assertThat(status.refundedAmount()).isEqualTo(usd("5.00"));
    assertThat(status.refunds()).containsExactlyElementsOf(made);
    assertThat(status.providerIds()).containsEntry("token", TOKEN).containsEntry("paymentId", "12345678");
    assertThat(status.steps()).hasSize(FlowJournal.MAX_STEPS + 1);
    assertThat(status.steps().get(0).name()).isEqualTo(FlowJournal.EARLIER_STEPS);
    FlowStatus memo = memo(flow);
    assertThat(memo.refunds()).hasSize(FlowMemo.REFUNDS_KEPT).isEqualTo(made.subList(490, 500));
    assertThat(memo.refundedAmount()).isEqualTo(usd("5.00"));

    // The first run's reference, repeated in a later run: the same refund, nothing sent.
    assertThat(flow.refund(new RefundRequest(usd("0.01"), "RF-0"))).isEqualTo(made.get(0));
    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("0.02"), "RF-0")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("RF-0 is already used for a refund of USD 0.01");
    assertThatThrownBy(() -> flow.refund(new RefundRequest(usd("16.86"), "RF-over")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("exceeds what is left to refund: USD 16.85");
    // A repeated start still answers the order; the shopper's redirect is still the one decided.
    assertThat(startAndGetOrder(request(REFERENCE), WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY).token())
        .isEqualTo(TOKEN);
    assertThat(flow.shopperReturnRound().decided().state()).isEqualTo(FlowState.CAPTURED);
    verify(afterpay, times(500)).refund(any());

    // The window closes when it was due (120 days after capture), not 120 days after the last run began.
    env.sleep(Duration.ofDays(119));
    assertThat(WorkflowStub.fromTyped(flow).describe().getStatus())
        .isEqualTo(io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    env.sleep(Duration.ofDays(2));
    FlowStatus result = client.newUntypedWorkflowStub(FLOW_ID).getResult(FlowStatus.class);
    assertThat(result.refunds()).hasSize(500);
    assertThat(result.steps().get(result.steps().size() - 1).name()).isEqualTo("after_sale_closed");
    recordHistory("afterpay-continued-as-new-closed");
  }

  private long eventsBesidesWorkflowTasks() {
    return client.fetchHistory(FLOW_ID).getEvents().stream()
        .filter(event -> !event.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_TASK_"))
        .count();
  }

  /** Events per run bound in the test above: the threshold and one refund's worth, with room. */
  private static final int BOUND = AfterSale.CONTINUE_AS_NEW_AFTER_EVENTS + 50;

  /** The history of every run of the flow, newest first, following the continue-as-new chain. */
  private List<WorkflowExecutionHistory> runs() {
    List<WorkflowExecutionHistory> runs = new ArrayList<>();
    String runId = WorkflowStub.fromTyped(client.newWorkflowStub(AfterpayCheckoutWorkflow.class, FLOW_ID))
        .describe().getExecution().getRunId();
    while (!runId.isEmpty()) {
      WorkflowExecutionHistory history = client.fetchHistory(FLOW_ID, runId);
      runs.add(history);
      runId = history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
    }
    return runs;
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The status the flow last recorded on the server, as DescribeWorkflowExecution shows it. */
  private static FlowStatus memo(AfterpayCheckoutWorkflow flow) {
    return FlowMemo.read(WorkflowStub.fromTyped(flow).describe()).orElseThrow();
  }

  /** Every field of the status, but of its steps only the last one's name and time. */
  private static void assertThatTheMemoIsTheStatusWithItsLastStep(FlowStatus memo, FlowStatus status, String lastStep) {
    assertThat(memo).usingRecursiveComparison().ignoringFields("steps").isEqualTo(status);
    FlowStep last = status.steps().get(status.steps().size() - 1);
    assertThat(last.name()).isEqualTo(lastStep);
    assertThat(memo.steps()).containsExactly(new FlowStep(lastStep, last.at(), null));
  }

  private AfterpayCheckoutWorkflow start(AfterpayCheckoutRequest request) {
    AfterpayCheckoutWorkflow flow = newStub(request);
    AfterpayOrderCreated order =
        WorkflowClient.executeUpdateWithStart(
            flow::orderCreated,
            AfterpayCheckoutDigest.of(request),
            UpdateOptions.<AfterpayOrderCreated>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
            new WithStartWorkflowOperation<>(flow::run, input(request)));
    assertThat(order.token()).isEqualTo(TOKEN);
    return flow;
  }

  private AfterpayOrderCreated startAndGetOrder(AfterpayCheckoutRequest request) {
    return startAndGetOrder(request, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
  }

  private AfterpayOrderCreated startAndGetOrder(AfterpayCheckoutRequest request, WorkflowIdReusePolicy reuse) {
    AfterpayCheckoutWorkflow flow = newStub(request, reuse);
    return WorkflowClient.executeUpdateWithStart(
        flow::orderCreated,
        AfterpayCheckoutDigest.of(request),
        UpdateOptions.<AfterpayOrderCreated>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, input(request)));
  }

  private AfterpayCheckoutWorkflow newStub(AfterpayCheckoutRequest request) {
    return newStub(request, WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
  }

  private AfterpayCheckoutWorkflow newStub(AfterpayCheckoutRequest request, WorkflowIdReusePolicy reuse) {
    return client.newWorkflowStub(
        AfterpayCheckoutWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(AfterpayCheckouts.flowId(request.merchantReference()))
            .setTaskQueue(TASK_QUEUE)
            .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .setWorkflowIdReusePolicy(reuse)
            .build());
  }

  private AfterpayCheckoutWorkflow capturedFlow() {
    AfterpayCheckoutWorkflow flow = start(request(REFERENCE));
    flow.shopperReturn(new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
    return flow;
  }

  /** Retries wait on workflow timers: skip them in test time while the Update is in progress. */
  private ShopperRedirect shopperReturnSkippingRetries(AfterpayCheckoutWorkflow flow, AfterpayShopperReturn.Status status)
      throws Exception {
    WorkflowUpdateHandle<ShopperRedirect> handle =
        WorkflowStub.fromTyped(flow)
            .startUpdate("shopperReturn", WorkflowUpdateStage.ACCEPTED, ShopperRedirect.class, new AfterpayShopperReturn(TOKEN, status));
    env.sleep(Duration.ofMinutes(10));
    return handle.getResultAsync().get();
  }

  private WorkflowUpdateHandle<RefundRecord> startRefund(AfterpayCheckoutWorkflow flow, String reference, String amount) {
    return WorkflowStub.fromTyped(flow)
        .startUpdate("refund", WorkflowUpdateStage.ACCEPTED, RefundRecord.class, new RefundRequest(usd(amount), reference));
  }

  private static RefundRecord refundWithUpdateId(WorkflowStub stub, String updateId, RefundRequest refund) {
    return stub.startUpdate(
            UpdateOptions.newBuilder(RefundRecord.class)
                .setUpdateName("refund")
                .setUpdateId(updateId)
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build(),
            refund)
        .getResult();
  }

  private WorkflowUpdateHandle<ShopperRedirect> startShopperReturn(AfterpayCheckoutWorkflow flow) {
    return WorkflowStub.fromTyped(flow)
        .startUpdate(
            "shopperReturn", WorkflowUpdateStage.ACCEPTED, ShopperRedirect.class,
            new AfterpayShopperReturn(TOKEN, AfterpayShopperReturn.Status.SUCCESS));
  }

  private RefundRecord refundRecord(AfterpayRefundCall refund) {
    return new RefundRecord(
        String.valueOf(refundIds.getAndIncrement()), refund.requestId(), refund.merchantReference(), refund.amount(), now());
  }

  /** The first {@code failing} refund attempts answer 503, the later ones refund. */
  private void failingRefundAttempts(AtomicInteger attempts, int failing) {
    org.mockito.Mockito.doAnswer(call -> {
          if (attempts.incrementAndGet() <= failing) {
            throw unavailable();
          }
          return refundRecord(call.getArgument(0));
        })
        .when(afterpay)
        .refund(any());
  }

  private static ApplicationFailure unavailable() {
    return new ProviderFailure("afterpay", 503, "service_unavailable", "maintenance", "e-503", true).toApplicationFailure(null);
  }

  /** FlowPending as the server indexed it; null when unset. */
  private static String pendingAttribute(AfterpayCheckoutWorkflow flow) {
    return WorkflowStub.fromTyped(flow).describe().getTypedSearchAttributes().get(FlowSearchAttributes.PENDING);
  }

  private AfterpayPayment payment(String status, String total) {
    return new AfterpayPayment("12345678", TOKEN, status, usd(total), Instant.parse("2026-11-21T10:08:14.123Z"));
  }

  private static org.financingorchestrator.workflows.common.Money Money(String amount, String currency) {
    return org.financingorchestrator.workflows.common.Money.of(amount, currency);
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  /** Keeps the history of a run where the replay test can pick it up after a deliberate change. */
  private int acceptedUpdates() {
    return (int) client.fetchHistory(FLOW_ID).getEvents().stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }

  private void recordHistory(String name) throws Exception {
    Path target = Path.of("target", "histories", name + ".json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, client.fetchHistory(FLOW_ID).toJson(true));
  }

  @SuppressWarnings("unused")
  private static List<String> names(FlowStatus status) {
    return status.steps().stream().map(FlowStep::name).toList();
  }
}
