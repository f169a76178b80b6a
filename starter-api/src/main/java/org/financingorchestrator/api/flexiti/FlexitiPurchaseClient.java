package org.financingorchestrator.api.flexiti;

import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateStage;
import java.util.Optional;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.FlowStart;
import org.financingorchestrator.api.common.FlowUpdateSender;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicationAnswer;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicationDigest;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicationInput;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicationRequest;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicationWorkflow;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseAnswer;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseDigest;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseInput;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseRequest;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnAnswer;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnInput;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnRequest;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnWorkflow;
import org.financingorchestrator.workflows.common.FlowState;
import org.springframework.stereotype.Service;

/**
 * The client of Flexiti purchase and application flows: starts them (Update-with-Start by the merchant's reference)
 * and sends them the clerk's inputs as Updates, each answering where the purchase stands.
 */
@Service
public class FlexitiPurchaseClient {

  private final WorkflowClient client;
  private final FlexitiFlowProperties properties;
  private final FlowUpdateSender updates;
  private final FlexitiClerkRounds rounds;

  public FlexitiPurchaseClient(
      WorkflowClient client, FlexitiFlowProperties properties, FlowUpdateSender updates, FlexitiClerkRounds rounds) {
    this.client = client;
    this.properties = properties;
    this.updates = updates;
    this.rounds = rounds;
  }

  /**
   * Starts the purchase and answers once it waits for the clerk (a code, the customer's answer) or
   * has ended. The same request again answers the same flow; another purchase under the reference is refused.
   */
  public FlexitiPurchaseAnswer start(String merchantId, FlexitiPurchaseRequest request) {
    String flowId = FlowIds.of(FlexitiPurchaseWorkflow.PROVIDER, merchantId, request.merchantReference());
    FlowStart start =
        new FlowStart(
            flowId,
            FlexitiPurchaseWorkflow.TYPE,
            properties.taskQueue(),
            FlexitiPurchaseWorkflow.PROVIDER,
            merchantId,
            request.merchantReference(),
            request.amount(),
            "Flexiti purchase",
            "Finds the customer, has them verified by a code the clerk enters, posts the purchase and shows its terms,"
                + " then confirms it once the customer accepts.",
            new FlexitiPurchaseInput(request, merchantId, properties.verificationWait(), properties.confirmationWait()));
    return updates.start(
        start, FlexitiPurchaseWorkflow.STARTED, FlexitiPurchaseAnswer.class, FlexitiPurchaseDigest.of(request),
        properties.startWait());
  }

  /** One Update per attempt: codes sent for the same attempt get the answer to the one the flow took. */
  public FlexitiPurchaseAnswer verificationCode(String flowId, String code) {
    FlexitiPurchaseWorkflow flow = client.newWorkflowStub(FlexitiPurchaseWorkflow.class, flowId);
    Optional<String> round = rounds.updateId(flowId, FlowState.AWAITING_VERIFICATION, "a verification code", () -> {
      FlexitiPurchaseAnswer purchase = flow.purchase();
      return new FlexitiClerkRounds.Standing(purchase.state(), "verification-code-" + purchase.verificationAttemptsLeft());
    });
    return updates.send(flowId, () -> WorkflowClient.startUpdate(flow::verificationCode, code, accepted(round)), properties.operationWait());
  }

  /** The customer answers once: a second answer, whatever it says, gets the first one's outcome. */
  public FlexitiPurchaseAnswer customerConfirmation(String flowId, boolean accepted) {
    FlexitiPurchaseWorkflow flow = client.newWorkflowStub(FlexitiPurchaseWorkflow.class, flowId);
    Optional<String> round = rounds.updateId(flowId, FlowState.AWAITING_SHOPPER, "the customer's answer",
        () -> new FlexitiClerkRounds.Standing(flow.purchase().state(), "customer-confirmation"));
    return updates.send(
        flowId, () -> WorkflowClient.startUpdate(flow::customerConfirmation, accepted, accepted(round)), properties.operationWait());
  }

  /** Starts the application and answers once approved, waiting for a Quebec applicant, or ended. */
  public FlexitiApplicationAnswer apply(String merchantId, FlexitiApplicationRequest request) {
    String flowId = FlowIds.of(FlexitiPurchaseWorkflow.PROVIDER, merchantId, request.merchantReference());
    FlowStart start =
        new FlowStart(
            flowId, FlexitiApplicationWorkflow.TYPE, properties.taskQueue(), FlexitiPurchaseWorkflow.PROVIDER, merchantId,
            request.merchantReference(), request.amountRequested(),
            "Flexiti application",
            "Applies for Flexiti credit; a Quebec applicant sees the debt ratio and accepts or cancels the account.",
            new FlexitiApplicationInput(request, merchantId, properties.decisionWait()));
    return updates.start(
        start, "applied", FlexitiApplicationAnswer.class, FlexitiApplicationDigest.of(request), properties.startWait());
  }

  /** Starts the return and answers once it is done or refused. */
  public FlexitiReturnAnswer returnOf(String merchantId, FlexitiReturnRequest request) {
    String flowId = FlowIds.of(FlexitiPurchaseWorkflow.PROVIDER, merchantId, request.merchantReference());
    FlowStart start =
        new FlowStart(
            flowId, FlexitiReturnWorkflow.TYPE, properties.taskQueue(), FlexitiPurchaseWorkflow.PROVIDER, merchantId,
            request.merchantReference(), request.amount(), "Flexiti return",
            "Finds the purchase and returns (part of) it at Flexiti.",
            new FlexitiReturnInput(request, merchantId));
    return updates.start(start, "returned", FlexitiReturnAnswer.class, FlexitiPurchaseDigest.ofReturn(request), properties.startWait());
  }

  /** The applicant answers once: a second answer, whatever it says, gets the first one's outcome. */
  public FlexitiApplicationAnswer applicantDecision(String flowId, boolean accepted) {
    FlexitiApplicationWorkflow flow = client.newWorkflowStub(FlexitiApplicationWorkflow.class, flowId);
    Optional<String> round = rounds.updateId(flowId, FlowState.AWAITING_SHOPPER, "the applicant's answer",
        () -> new FlexitiClerkRounds.Standing(flow.application().state(), "applicant-decision"));
    UpdateOptions.Builder<FlexitiApplicationAnswer> options =
        UpdateOptions.<FlexitiApplicationAnswer>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED);
    round.ifPresent(options::setUpdateId);
    return updates.send(flowId, () -> WorkflowClient.startUpdate(flow::applicantDecision, accepted, options.build()), properties.operationWait());
  }

  private static UpdateOptions<FlexitiPurchaseAnswer> accepted(Optional<String> round) {
    UpdateOptions.Builder<FlexitiPurchaseAnswer> options =
        UpdateOptions.<FlexitiPurchaseAnswer>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED);
    round.ifPresent(options::setUpdateId);
    return options.build();
  }
}
