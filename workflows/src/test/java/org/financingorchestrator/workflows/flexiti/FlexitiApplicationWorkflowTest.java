package org.financingorchestrator.workflows.flexiti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
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

class FlexitiApplicationWorkflowTest extends FlexitiWorkflowTest {

  private static final String REFERENCE = "app-0001";
  private static final String FLOW_ID = "flexiti-shopa-" + REFERENCE;

  @Override
  Class<?> workflow() {
    return FlexitiApplicationWorkflowImpl.class;
  }

  @BeforeEach
  void stubFlexiti() {
    when(flexiti.termsAndConditions(anyString(), anyString())).thenReturn("<div id='tcs'>...</div>");
  }


  @Test
  void anApplicantOutsideQuebecIsApprovedWithTheAccount() throws Exception {
    when(flexiti.apply(any())).thenReturn(account(null));
    FlexitiApplicationWorkflow flow = stub();

    FlexitiApplicationAnswer answer = start(flow, request("ON"));

    assertThat(answer.state()).isEqualTo(FlowState.APPROVED);
    assertThat(answer.account().creditLimit()).isEqualTo(cad("5000.00"));
    assertThat(answer.account().customerId()).isEqualTo("43353");
    verify(flexiti).termsAndConditions("ON", "en");
    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.providerIds()).containsEntry("accountNumber", "20035156");
    assertThat(result.toString()).doesNotContain("123123123").doesNotContain("Horse").doesNotContain("Cloud");
    recordHistory("flexiti-application-approved");
  }

  @Test
  void aQuebecApplicantSeesTheDebtRatioAndIsApprovedOnceTheyAccept() throws Exception {
    when(flexiti.apply(any())).thenReturn(account(new BigDecimal("0.20")));
    FlexitiApplicationWorkflow flow = stub();

    FlexitiApplicationAnswer shown = start(flow, request("QC"));
    assertThat(shown.state()).isEqualTo(FlowState.AWAITING_SHOPPER);
    assertThat(shown.account().debtRatio()).isEqualByComparingTo("0.20");
    assertThat(shown.account().offers()).hasSize(1);
    ArgumentCaptor<FlexitiApplyCall> call = ArgumentCaptor.forClass(FlexitiApplyCall.class);
    verify(flexiti).apply(call.capture());
    assertThat(call.getValue().applicant().monthlyHousingExpenses()).isEqualByComparingTo("1000");

    FlexitiApplicationAnswer accepted = flow.applicantDecision(true);

    assertThat(accepted.state()).isEqualTo(FlowState.APPROVED);
    verify(flexiti, never()).closeAccount(anyString());
    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).steps()).extracting(FlowStep::name)
        .containsExactly("started", "terms_and_conditions", "debt_ratio_shown", "approved");
    recordHistory("flexiti-application-quebec-accepted");
  }

  @Test
  void aQuebecApplicantWhoCancelsHasTheAccountClosed() throws Exception {
    when(flexiti.apply(any())).thenReturn(account(new BigDecimal("0.20")));
    FlexitiApplicationWorkflow flow = stub();
    start(flow, request("QC"));

    FlexitiApplicationAnswer cancelled = flow.applicantDecision(false);

    assertThat(cancelled.state()).isEqualTo(FlowState.CANCELLED);
    verify(flexiti).closeAccount("20035156");
    WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    recordHistory("flexiti-application-quebec-cancelled");
  }

  @Test
  void aQuebecApplicantWhoDoesNotAnswerHasTheAccountClosed() throws Exception {
    when(flexiti.apply(any())).thenReturn(account(new BigDecimal("0.20")));
    FlexitiApplicationWorkflow flow = stub();
    start(flow, request("QC"));

    env.sleep(Duration.ofMinutes(31));

    FlowStatus result = WorkflowStub.fromTyped(flow).getResult(FlowStatus.class);
    assertThat(result.state()).isEqualTo(FlowState.EXPIRED);
    verify(flexiti).closeAccount("20035156");
  }

  @Test
  void aRefusedApplicationEndsWithFlexitisMessage() {
    when(flexiti.apply(any())).thenThrow(
        new ProviderFailure("flexiti", 400, "wrong_input", "Some inputs are wrong!", null, false).toApplicationFailure(null));

    FlexitiApplicationAnswer answer = start(stub(), request("ON"));

    assertThat(answer.state()).isEqualTo(FlowState.FAILED);
    assertThat(answer.failure().message()).isEqualTo("Some inputs are wrong!");
  }

  @Test
  void theMerchantsWebhookHearsTheDebtRatioShownAndTheApproval() {
    webhooks.subscribe("shopa");
    when(flexiti.apply(any())).thenReturn(account(new BigDecimal("0.20")));
    FlexitiApplicationWorkflow flow = stub();
    start(flow, request("QC"));
    assertThat(flow.applicantDecision(true).state()).isEqualTo(FlowState.APPROVED);

    assertThat(WorkflowStub.fromTyped(flow).getResult(FlowStatus.class).state()).isEqualTo(FlowState.APPROVED);
    List<MerchantWebhookEvent> events = webhooks.assertReceivedOnceInOrder(client, FLOW_ID, "flow.awaiting_shopper", "flow.approved");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.flowId()).isEqualTo(FLOW_ID);
      assertThat(event.merchantReference()).isEqualTo(REFERENCE);
      assertThat(event.orderAmount()).isEqualTo(new WebhookAmount("5000.00", "CAD"));
    });
    // The applicant's identity and answers stay out of the merchant's webhook.
    assertThat(events.toString()).doesNotContain("John").doesNotContain("123123123").doesNotContain("Horse").doesNotContain("1990-01-01");
  }

  private FlexitiApplicationWorkflow stub() {
    return client.newWorkflowStub(FlexitiApplicationWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(FLOW_ID).setTaskQueue(TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING).build());
  }

  private FlexitiApplicationAnswer start(FlexitiApplicationWorkflow flow, FlexitiApplicationRequest request) {
    return WorkflowClient.executeUpdateWithStart(
        flow::applied, FlexitiApplicationDigest.of(request),
        UpdateOptions.<FlexitiApplicationAnswer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, new FlexitiApplicationInput(request, "shopa", Duration.ofMinutes(30))));
  }

  static FlexitiApplicationRequest request(String province) {
    FlexitiApplicant applicant = new FlexitiApplicant("mr", "John", "Grey", "Doe", "1990-01-01", "5551231231", "email@address.com",
        "123 Any Street", "Apt C", "Montreal", province, "A1A0H1", "CAP", "CANADA", "ab121212", "2030-12-12",
        new BigDecimal("123123"), new BigDecimal("223123"), "QC".equals(province) ? new BigDecimal("1000") : null, "Rent",
        "FE", "Baker", "Tasty Bakery", "1231231231", "123123123", "8", "Horse", "Cloud");
    return new FlexitiApplicationRequest(REFERENCE, cad("5000.00"), applicant, "en", true);
  }

  private static FlexitiAccount account(BigDecimal debtRatio) {
    return new FlexitiAccount("43353", "20035156", cad("5000.00"), cad("5000.00"), debtRatio,
        debtRatio == null ? List.of() : List.of(new FlexitiOffer("1", "90 Days Grace, Equal Payments Regular Interest", List.of(12, 18, 24, 36))));
  }

  private static Money cad(String amount) {
    return Money.of(amount, "CAD");
  }

  private void recordHistory(String name) throws Exception {
    recordHistory(FLOW_ID, name);
  }
}
