package org.financingorchestrator.workflows.flexiti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.util.List;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.webhooks.MerchantWebhookEvent;
import org.financingorchestrator.workflows.webhooks.WebhookAmount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlexitiReturnWorkflowTest extends FlexitiWorkflowTest {

  private static final String FLOW_ID = "flexiti-shopa-rt-0001";

  @Override
  Class<?> workflow() {
    return FlexitiReturnWorkflowImpl.class;
  }

  @BeforeEach
  void stubFlexiti() {
    when(flexiti.lookUp(any(), anyString())).thenReturn(new FlexitiCustomer("43353", "20035156", cad("3799.95")));
    when(flexiti.purchases("43353")).thenReturn(List.of(new FlexitiPurchase("167635", "Posted", cad("1200.05"), "EMP")));
  }


  @Test
  void aReturnAgainstAListedPurchaseIsRefunded() throws Exception {
    when(flexiti.postReturn(any())).thenReturn("167640");

    FlexitiReturnAnswer answer = start(request("200.05"));

    assertThat(answer.state()).isEqualTo(FlowState.REFUNDED);
    assertThat(answer.returnTransactionId()).isEqualTo("167640");
    verify(flexiti).postReturn(new FlexitiReturnCall("43353", "167635", cad("200.05"), "en"));
    recordHistory("flexiti-returned");
  }

  @Test
  void noPurchasesToReturnEndsWithFlexitisNoReturnsFound() {
    when(flexiti.purchases("43353")).thenReturn(List.of());

    FlexitiReturnAnswer answer = start(request("200.05"));

    assertThat(answer.state()).isEqualTo(FlowState.FAILED);
    assertThat(answer.failure().code()).isEqualTo("no_returns_found");
    verify(flexiti, never()).postReturn(any());
  }

  @Test
  void moreThanWhatIsLeftIsRefusedBeforeAnythingIsSent() {
    FlexitiReturnAnswer answer = start(request("1200.06"));

    assertThat(answer.failure().code()).isEqualTo("amount_exceeds_balance");
    verify(flexiti, never()).postReturn(any());
  }

  @Test
  void aReturnWhoseAnswerWasLostIsSettledByThePurchasesBalance() {
    when(flexiti.postReturn(any())).thenThrow(new ProviderFailure("flexiti", 200, ProviderFailure.MALFORMED_RESPONSE, "unreadable", null, false)
        .toApplicationFailure(null));
    when(flexiti.purchases("43353")).thenReturn(
        List.of(new FlexitiPurchase("167635", "Posted", cad("1200.05"), "EMP")),
        List.of(new FlexitiPurchase("167635", "Posted", cad("1000.00"), "EMP")));

    FlexitiReturnAnswer answer = start(request("200.05"));

    assertThat(answer.state()).isEqualTo(FlowState.REFUNDED);
  }

  /** Found by the crash suite: an answer lost after the return was made (a 503) posted it again on Temporal's retry. */
  @Test
  void aReturnWhoseAnswerWasLostAfterItWasMadeIsNeverSentAgain() {
    when(flexiti.postReturn(any())).thenThrow(unavailable());
    when(flexiti.purchases("43353")).thenReturn(
        List.of(new FlexitiPurchase("167635", "Posted", cad("1200.05"), "EMP")),
        List.of(new FlexitiPurchase("167635", "Posted", cad("1000.00"), "EMP")));

    FlexitiReturnAnswer answer = start(request("200.05"));

    assertThat(answer.state()).isEqualTo(FlowState.REFUNDED);
    verify(flexiti, times(1)).postReturn(any());
  }

  @Test
  void aReturnTheBalanceShowsNotMadeIsSentAgain() throws Exception {
    when(flexiti.postReturn(any())).thenThrow(unavailable()).thenReturn("167641");

    FlexitiReturnAnswer answer = start(request("200.05"));

    assertThat(answer.state()).isEqualTo(FlowState.REFUNDED);
    assertThat(answer.returnTransactionId()).isEqualTo("167641");
    verify(flexiti, times(2)).postReturn(any());
    recordHistory("flexiti-returned-sent-again");
  }

  @Test
  void theMerchantsWebhookHearsTheReturn() {
    webhooks.subscribe("shopa");
    when(flexiti.postReturn(any())).thenReturn("167640");

    assertThat(start(request("200.05")).state()).isEqualTo(FlowState.REFUNDED);

    MerchantWebhookEvent returned = webhooks.assertReceivedOnceInOrder(client, FLOW_ID, "flow.refunded").get(0);
    assertThat(returned.flowId()).isEqualTo(FLOW_ID);
    assertThat(returned.merchantReference()).isEqualTo("rt-0001");
    // A return's flow is for the amount returned.
    assertThat(returned.orderAmount()).isEqualTo(new WebhookAmount("200.05", "CAD"));
    assertThat(returned.failure()).isNull();
  }

  private static io.temporal.failure.ApplicationFailure unavailable() {
    return new ProviderFailure("flexiti", 503, "service_unavailable", "down", null, true).toApplicationFailure(null);
  }

  private FlexitiReturnAnswer start(FlexitiReturnRequest request) {
    FlexitiReturnWorkflow flow = client.newWorkflowStub(FlexitiReturnWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(FLOW_ID).setTaskQueue(TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING).build());
    return WorkflowClient.executeUpdateWithStart(
        flow::returned, FlexitiPurchaseDigest.ofReturn(request),
        UpdateOptions.<FlexitiReturnAnswer>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(flow::run, new FlexitiReturnInput(request, "shopa")));
  }

  private static FlexitiReturnRequest request(String amount) {
    return new FlexitiReturnRequest("rt-0001", FlexitiCustomerKey.byVcc("6374980100408234"), "167635", cad(amount), "en");
  }

  private static Money cad(String amount) {
    return Money.of(amount, "CAD");
  }

  private void recordHistory(String name) throws Exception {
    recordHistory(FLOW_ID, name);
  }
}
