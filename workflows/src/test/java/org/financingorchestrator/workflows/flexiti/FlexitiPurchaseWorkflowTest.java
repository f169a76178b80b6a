package org.financingorchestrator.workflows.flexiti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.FlowStep;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookEvent;
import org.financingorchestrator.workflows.webhooks.WebhookAmount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class FlexitiPurchaseWorkflowTest extends FlexitiWorkflowTest {

  private static final String MERCHANT_ID = "shopa";
  private static final String REFERENCE = "till-7-0001";
  private static final String FLOW_ID = "flexiti-" + MERCHANT_ID + "-" + REFERENCE;
  private static final String CUSTOMER_ID = "43353";
  private static final String TRANSACTION_ID = "167635";
  private static final String VCC = "6374980100408234";

  @Override
  Class<?> workflow() {
    return FlexitiPurchaseWorkflowImpl.class;
  }

  @BeforeEach
  void stubFlexiti() {

    when(flexiti.merchantOffers(anyString()))
        .thenReturn(List.of(new FlexitiOffer("5", "Equal Payments, No Interest", List.of(3, 6, 10, 20, 30, 40))));
    when(flexiti.lookUp(any(), anyString())).thenReturn(new FlexitiCustomer(CUSTOMER_ID, "20035156", cad("5000.00")));
    when(flexiti.verify(any())).thenReturn(new FlexitiVerification(null));
    when(flexiti.postTransaction(any())).thenReturn(terms());
    when(flexiti.confirmTransaction(any())).thenReturn(terms());
  }


  @Test
  void smsVerifiedPurchaseIsPostedOnceTheCustomerAccepts() throws Exception {
    FlexitiPurchaseWorkflow flow = stub();
    FlexitiPurchaseAnswer started = start(flow, request(FlexitiVerificationFormat.SMS));

    assertThat(started.state()).isEqualTo(FlowState.AWAITING_VERIFICATION);
    assertThat(started.verificationAttemptsLeft()).isEqualTo(3);

    FlexitiPurchaseAnswer shown = flow.verificationCode("123456");
    assertThat(shown.state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    assertThat(shown.terms().paymentValue()).isEqualTo(cad("1200.05"));
    assertThat(shown.terms().planName()).isEqualTo("Equal Payments, No Interest");
    assertThat(flow.status().steps()).extracting(FlowStep::detail)
        .contains("plan Equal Payments, No Interest; payment CAD 1200.05; admin fee CAD 49.99; balance after purchase CAD 4949.01");

    FlexitiPurchaseAnswer posted = flow.customerConfirmation(true);
    assertThat(posted.state()).isEqualTo(FlowState.POSTED);
    assertThat(posted.transactionId()).isEqualTo(TRANSACTION_ID);

    ArgumentCaptor<FlexitiTransactionCall> calls = ArgumentCaptor.forClass(FlexitiTransactionCall.class);
    verify(flexiti).postTransaction(calls.capture());
    verify(flexiti).confirmTransaction(calls.capture());
    FlexitiTransactionCall post = calls.getAllValues().get(0);
    FlexitiTransactionCall confirm = calls.getAllValues().get(1);
    assertThat(post.customerConfirmed()).isFalse();
    assertThat(post.verificationCode()).isEqualTo("123456");
    assertThat(post.planId()).isEqualTo("5");
    assertThat(post.term()).isEqualTo(6);
    assertThat(confirm).isEqualTo(post.confirming(TRANSACTION_ID));
    assertThat(confirm.customerConfirmed()).isTrue();

    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.POSTED);
    assertThat(result.capturedAmount()).isEqualTo(cad("1200.05"));
    assertThat(result.providerIds()).containsEntry("transactionId", TRANSACTION_ID).containsEntry("customerId", CUSTOMER_ID);
    assertThat(result.steps()).extracting(FlowStep::name).containsExactly(
        "started", "plan_checked", "customer_found", "verification_requested", "awaiting_verification_code",
        "verification_code_entered", "terms_shown", "customer_accepted", "posted");
    assertThat(result.toString()).doesNotContain(VCC).doesNotContain("123456").doesNotContain("1990-01-01");
    recordHistory("flexiti-posted");
  }

  @Test
  void overrideAnswersTheCodeAtOnceAndTheFlowShowsTheTerms() {
    when(flexiti.verify(any())).thenReturn(new FlexitiVerification("2485"));
    FlexitiPurchaseWorkflow flow = stub();

    FlexitiPurchaseAnswer started = start(flow, request(FlexitiVerificationFormat.OVERRIDE));

    assertThat(started.state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    assertThat(started.terms().transactionId()).isEqualTo(TRANSACTION_ID);
    verify(flexiti).postTransaction(any());
  }

  @Test
  void securityQuestionSendsTheAnswerOnceAndKeepsItNowhere() {
    when(flexiti.verify(any())).thenReturn(new FlexitiVerification("7781"));
    FlexitiPurchaseWorkflow flow = stub();

    start(flow, request(FlexitiVerificationFormat.SECURITY_QUESTION));

    ArgumentCaptor<FlexitiVerifyCall> verifyCall = ArgumentCaptor.forClass(FlexitiVerifyCall.class);
    verify(flexiti).verify(verifyCall.capture());
    assertThat(verifyCall.getValue().securityQid()).isEqualTo("4");
    assertThat(verifyCall.getValue().securityAnswer()).isEqualTo("Rex");
    assertThat(verifyCall.getValue().toString()).doesNotContain("Rex");
    assertThat(flow.status().toString()).doesNotContain("Rex");
  }

  @Test
  void customerRefusingTheTermsConfirmsNothing() throws Exception {
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.SMS));
    flow.verificationCode("123456");

    FlexitiPurchaseAnswer refused = flow.customerConfirmation(false);

    assertThat(refused.state()).isEqualTo(FlowState.CANCELLED);
    assertThat(refused.failure().code()).isEqualTo("customer_refused");
    verify(flexiti, never()).confirmTransaction(any());
    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).state()).isEqualTo(FlowState.CANCELLED);
    recordHistory("flexiti-customer-refused");
  }

  @Test
  void customerNotAnsweringInTimeConfirmsNothing() throws Exception {
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.SMS));
    flow.verificationCode("123456");

    env.sleep(Duration.ofMinutes(16));

    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.EXPIRED);
    assertThat(result.failure().code()).isEqualTo("confirmation_expired");
    verify(flexiti, never()).confirmTransaction(any());
    recordHistory("flexiti-confirmation-expired");
  }

  @Test
  void noCodeEnteredInTimeExpiresWithoutPosting() throws Exception {
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.EMAIL));

    env.sleep(Duration.ofMinutes(11));

    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.EXPIRED);
    assertThat(result.failure().code()).isEqualTo("verification_expired");
    verify(flexiti, never()).postTransaction(any());
    recordHistory("flexiti-verification-expired");
  }

  @Test
  void wrongCodesLetTheClerkTryAgainUpToTheLimitThenDecline() throws Exception {
    when(flexiti.postTransaction(any())).thenThrow(flexitiFailure(409, "wrong_verification_code", "wrong_verification_code"));
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.SMS));

    FlexitiPurchaseAnswer first = flow.verificationCode("111111");
    assertThat(first.state()).isEqualTo(FlowState.AWAITING_VERIFICATION);
    assertThat(first.verificationAttemptsLeft()).isEqualTo(2);
    FlexitiPurchaseAnswer second = flow.verificationCode("222222");
    assertThat(second.verificationAttemptsLeft()).isEqualTo(1);
    FlexitiPurchaseAnswer third = flow.verificationCode("333333");

    assertThat(third.state()).isEqualTo(FlowState.DECLINED);
    assertThat(third.failure().code()).isEqualTo("wrong_verification_code");
    verify(flexiti, times(3)).postTransaction(any());
    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).state()).isEqualTo(FlowState.DECLINED);
    recordHistory("flexiti-wrong-code-declined");
  }

  @Test
  void notEnoughCreditIsDeclinedWithFlexitisMessage() throws Exception {
    when(flexiti.postTransaction(any())).thenThrow(flexitiFailure(409, "not_enough_credit",
        "We're sorry, there doesn't seem to be enough credit for this purchase amount."));
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.SMS));

    FlexitiPurchaseAnswer declined = flow.verificationCode("123456");

    assertThat(declined.state()).isEqualTo(FlowState.DECLINED);
    assertThat(declined.failure().source()).isEqualTo("flexiti");
    assertThat(declined.failure().message()).startsWith("We're sorry, there doesn't seem to be enough credit");
    recordHistory("flexiti-declined");
  }

  @Test
  void lookUpRefusalsEndTheFlowWithTheirMessage() {
    when(flexiti.lookUp(any(), anyString())).thenThrow(flexitiFailure(409, "user_not_active",
        "Before proceeding with the purchase transaction, we need to activate your account."));
    FlexitiPurchaseAnswer notActive = start(stub(), request(FlexitiVerificationFormat.SMS));
    assertThat(notActive.state()).isEqualTo(FlowState.DECLINED);
    assertThat(notActive.failure().message()).startsWith("Before proceeding");

    doThrow(flexitiFailure(409, "not_found", "Customer not found")).when(flexiti).lookUp(any(), anyString());
    FlexitiPurchaseAnswer notFound = start(stub("till-7-0002"), request("till-7-0002", FlexitiVerificationFormat.SMS));
    assertThat(notFound.state()).isEqualTo(FlowState.FAILED);
    assertThat(notFound.failure().code()).isEqualTo("not_found");
    verify(flexiti, never()).verify(any());
  }

  @Test
  void secretAnswerMismatchAndOverrideNotAllowedEndTheFlow() {
    when(flexiti.verify(any())).thenThrow(flexitiFailure(409, "secret_answer_mismatch", "The answer you provided did not match our records."));
    FlexitiPurchaseAnswer mismatch = start(stub(), request(FlexitiVerificationFormat.SECURITY_QUESTION));
    assertThat(mismatch.state()).isEqualTo(FlowState.DECLINED);
    assertThat(mismatch.failure().code()).isEqualTo("secret_answer_mismatch");

    doThrow(flexitiFailure(409, "merchant_override_is_not_allowed", "merchant_override_is_not_allowed")).when(flexiti).verify(any());
    FlexitiPurchaseAnswer override = start(stub("till-7-0002"), request("till-7-0002", FlexitiVerificationFormat.OVERRIDE));
    assertThat(override.state()).isEqualTo(FlowState.FAILED);
    assertThat(override.failure().code()).isEqualTo("merchant_override_is_not_allowed");
    verify(flexiti, never()).postTransaction(any());
  }

  @Test
  void aPlanOrTermTheMerchantDoesNotOfferIsRefusedBeforeAnythingIsSent() {
    FlexitiPurchaseRequest wrongTerm = withPlan(request(FlexitiVerificationFormat.SMS), "5", 7);
    FlexitiPurchaseAnswer answer = start(stub(), wrongTerm);
    assertThat(answer.state()).isEqualTo(FlowState.FAILED);
    assertThat(answer.failure().code()).isEqualTo("term_not_offered");

    FlexitiPurchaseAnswer unknownPlan = start(stub("till-7-0002"), withPlan(request("till-7-0002", FlexitiVerificationFormat.SMS), "99", 6));
    assertThat(unknownPlan.failure().code()).isEqualTo("plan_not_offered");
    verify(flexiti, never()).lookUp(any(), anyString());
  }

  @Test
  void clerkInputsInTheWrongStateAreRefusedAndWriteNothing() {
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.SMS));
    env.sleep(Duration.ofSeconds(1));
    long events = historyLength();

    assertRefused(() -> flow.customerConfirmation(true), FlowRefusal.STATE_CONFLICT);
    assertRefused(() -> flow.verificationCode("12ab"), FlowRefusal.INVALID_REQUEST);
    assertThat(historyLength()).isEqualTo(events);

    flow.verificationCode("123456");
    assertRefused(() -> flow.verificationCode("123456"), FlowRefusal.STATE_CONFLICT);
  }

  @Test
  void theSameStartAgainAnswersTheSameFlowAndAnotherPurchaseUnderItsReferenceIsRefused() {
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.SMS));

    FlexitiPurchaseAnswer again = start(stub(), request(FlexitiVerificationFormat.SMS));
    assertThat(again.state()).isEqualTo(FlowState.AWAITING_VERIFICATION);
    verify(flexiti, times(1)).lookUp(any(), anyString());

    FlexitiPurchaseRequest other = withPlan(request(FlexitiVerificationFormat.SMS), "5", 3);
    assertRefused(() -> start(stub(), other), FlowRefusal.REFERENCE_IN_USE);
  }

  @Test
  void aConfirmationWhoseAnswerWasLostIsSettledByTheCustomersTransactions() throws Exception {
    when(flexiti.confirmTransaction(any())).thenThrow(flexitiFailure(503, "http_503", "HTTP 503", true));
    when(flexiti.isPosted(CUSTOMER_ID, TRANSACTION_ID)).thenReturn(true);
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.SMS));
    flow.verificationCode("123456");

    WorkflowStub.fromTyped(flow).startUpdate("customerConfirmation", WorkflowUpdateStage.ACCEPTED, FlexitiPurchaseAnswer.class, true);
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);

    assertThat(result.state()).isEqualTo(FlowState.POSTED);
    assertThat(result.steps()).extracting(FlowStep::name).contains("confirm_unanswered", "posted");
    assertThat(result.pending()).isEmpty();
    recordHistory("flexiti-confirm-settled-posted");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void assertRefused(Runnable call, FlowRefusal refusal) {
    assertThatThrownBy(call::run)
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(refusal.failureType()));
  }

  @Test
  void theMerchantsWebhookHearsTheCodeSentTheTermsShownAndThePosting() throws Exception {
    webhooks.subscribe(MERCHANT_ID);
    FlexitiPurchaseWorkflow flow = stub();
    start(flow, request(FlexitiVerificationFormat.SMS));
    flow.verificationCode("123456");
    assertThat(flow.customerConfirmation(true).state()).isEqualTo(FlowState.POSTED);

    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).capturedAmount()).isEqualTo(cad("1200.05"));
    List<MerchantWebhookEvent> events = webhooks.assertReceivedOnceInOrder(client, FLOW_ID, "flow.awaiting_verification", "flow.awaiting_shopper", "flow.posted");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.flowId()).isEqualTo(FLOW_ID);
      assertThat(event.provider()).isEqualTo("flexiti");
      assertThat(event.merchantReference()).isEqualTo(REFERENCE);
      assertThat(event.orderAmount()).isEqualTo(new WebhookAmount("1200.05", "CAD"));
    });
    assertThat(events).extracting(MerchantWebhookEvent::capturedAmount)
        .containsExactly(null, null, new WebhookAmount("1200.05", "CAD"));
    // Nothing the clerk or the customer typed, nor the card.
    assertThat(events.toString()).doesNotContain(VCC).doesNotContain("123456");
    recordHistory("flexiti-posted-webhooks");
  }

  /**
   * Updates the flow accepted: a refused one leaves none (the test server still records the
   * workflow task that ran the validator, a real server does not).
   */
  private long historyLength() {
    return client.fetchHistory(FLOW_ID).getHistory().getEventsList().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED
            || e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
        .count();
  }

  private FlexitiPurchaseWorkflow stub() {
    return stub(REFERENCE);
  }

  private FlexitiPurchaseWorkflow stub(String reference) {
    return client.newWorkflowStub(
        FlexitiPurchaseWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId("flexiti-" + MERCHANT_ID + "-" + reference)
            .setTaskQueue(TASK_QUEUE)
            .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .build());
  }

  private FlexitiPurchaseAnswer start(FlexitiPurchaseWorkflow flow, FlexitiPurchaseRequest request) {
    return WorkflowClient.executeUpdateWithStart(
        flow::started,
        FlexitiPurchaseDigest.of(request),
        UpdateOptions.<FlexitiPurchaseAnswer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run,
            new FlexitiPurchaseInput(request, MERCHANT_ID, Duration.ofMinutes(10), Duration.ofMinutes(15))));
  }

  static FlexitiPurchaseRequest request(FlexitiVerificationFormat format) {
    return request(REFERENCE, format);
  }

  static FlexitiPurchaseRequest request(String reference, FlexitiVerificationFormat format) {
    boolean question = format == FlexitiVerificationFormat.SECURITY_QUESTION;
    return new FlexitiPurchaseRequest(
        reference, cad("1200.05"), FlexitiCustomerKey.byVcc(VCC), format, question ? "4" : null, question ? "Rex" : null,
        "5", 6, false, "en");
  }

  private static FlexitiPurchaseRequest withPlan(FlexitiPurchaseRequest r, String planId, Integer term) {
    return new FlexitiPurchaseRequest(r.merchantReference(), r.amount(), r.customer(), r.verification(), r.securityQid(),
        r.securityAnswer(), planId, term, r.holdAuthorization(), r.language());
  }

  private static FlexitiTerms terms() {
    return new FlexitiTerms(TRANSACTION_ID, "Equal Payments, No Interest", cad("1200.05"), cad("49.99"), cad("4949.01"), cad("5000.00"));
  }

  private static ApplicationFailure flexitiFailure(int status, String code, String message) {
    return flexitiFailure(status, code, message, false);
  }

  private static ApplicationFailure flexitiFailure(int status, String code, String message, boolean retryable) {
    return new ProviderFailure("flexiti", status, code, message, null, retryable).toApplicationFailure(null);
  }

  static Money cad(String amount) {
    return Money.of(amount, "CAD");
  }

  private void recordHistory(String name) throws Exception {
    recordHistory(FLOW_ID, name);
  }
}
