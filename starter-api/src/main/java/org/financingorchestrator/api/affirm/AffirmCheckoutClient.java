package org.financingorchestrator.api.affirm;

import io.grpc.Deadline;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.common.FlowClosedException;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.FlowStart;
import org.financingorchestrator.api.common.FlowStatusProperties;
import org.financingorchestrator.api.common.FlowUpdateSender;
import org.financingorchestrator.api.common.GrpcDeadlines;
import org.financingorchestrator.api.common.UpdateFailure;
import org.financingorchestrator.workflows.affirm.AffirmCapture;
import org.financingorchestrator.workflows.affirm.AffirmChargeUpdate;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutInput;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutOpened;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.affirm.AffirmConfirmation;
import org.financingorchestrator.workflows.affirm.AffirmMerchantRedirects;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The client of Affirm checkout flows: starts them (Update-with-Start, through the common
 * {@link FlowUpdateSender}), and sends them the shopper's confirmation or cancel and the
 * merchant's capture, void and update as Updates. A callback for a flow that has decided is
 * answered from its state (a Query), so repeats write nothing to its history.
 */
@Service
public class AffirmCheckoutClient {

  private static final Logger log = LoggerFactory.getLogger(AffirmCheckoutClient.class);

  static final String CONFIRM = "confirm";
  static final String CANCEL = "cancel";

  private final WorkflowClient client;
  private final AffirmFlowProperties properties;
  private final CallbackSignatures callbacks;
  private final FlowUpdateSender updates;
  private final GrpcDeadlines deadlines;
  private final Duration queryWait;

  public AffirmCheckoutClient(
      WorkflowClient client,
      AffirmFlowProperties properties,
      CallbackSignatures callbacks,
      FlowUpdateSender updates,
      GrpcDeadlines deadlines,
      FlowStatusProperties statusProperties) {
    this.client = client;
    this.properties = properties;
    this.callbacks = callbacks;
    this.updates = updates;
    this.deadlines = deadlines;
    this.queryWait = statusProperties.statusQueryWait();
  }

  /** Starts the flow (or attaches to the running one of this order id) and answers the checkout object. */
  public AffirmCheckoutCreated start(String merchantId, AffirmCheckoutBody body) {
    String flowId = FlowIds.of(AffirmCheckoutWorkflow.PROVIDER, merchantId, body.orderId());
    String digest = AffirmCheckoutObject.digest(body);
    AffirmCheckoutInput input =
        new AffirmCheckoutInput(
            merchantId,
            body.orderId(),
            body.total().toMoney(),
            new AffirmMerchantRedirects(body.merchant().redirectConfirmUrl(), body.merchant().redirectCancelUrl()),
            digest,
            properties.shopperWindow(),
            properties.afterSaleWindow());
    FlowStart start =
        new FlowStart(
            flowId,
            AffirmCheckoutWorkflow.TYPE,
            properties.taskQueue(),
            AffirmCheckoutWorkflow.PROVIDER,
            merchantId,
            body.orderId(),
            input.total(),
            "Affirm checkout",
            "Waits for the shopper to confirm at Affirm, authorizes the charge, then waits for the merchant to capture"
                + " or void it; after capture, serves refunds and charge updates until the after-sale window closes.",
            input);
    AffirmCheckoutOpened opened =
        updates.start(start, AffirmCheckoutWorkflow.CHECKOUT_OPENED, AffirmCheckoutOpened.class, digest, properties.startWait());
    log.info("Affirm flow {} is {}", flowId, opened.state());
    Map<String, Object> checkout =
        AffirmCheckoutObject.of(
            body,
            callbacks.callbackUrl(AffirmCheckoutWorkflow.PROVIDER, flowId, CONFIRM),
            callbacks.callbackUrl(AffirmCheckoutWorkflow.PROVIDER, flowId, CANCEL));
    return new AffirmCheckoutCreated(
        flowId, AffirmCheckoutWorkflow.PROVIDER, opened.state(), checkout, properties.affirmJsCheckoutUrl());
  }

  /**
   * The shopper confirmed at Affirm: where the browser goes, once the flow has authorized. One
   * Update id for every confirmation, so that repeats while the flow authorizes (a browser's
   * retries, a flood) attach to the first instead of each adding an Update to its history.
   */
  public ShopperRedirect confirm(String flowId, String checkoutToken) {
    AffirmCheckoutWorkflow flow = client.newWorkflowStub(AffirmCheckoutWorkflow.class, flowId);
    return shopperStep(
        flowId,
        () -> WorkflowClient.startUpdate(flow::confirm, new AffirmConfirmation(checkoutToken), shopperUpdate(CONFIRM)));
  }

  /** The shopper cancelled at Affirm; repeats attach to the first cancel, as for {@link #confirm}. */
  public ShopperRedirect cancel(String flowId) {
    AffirmCheckoutWorkflow flow = client.newWorkflowStub(AffirmCheckoutWorkflow.class, flowId);
    return shopperStep(flowId, () -> WorkflowClient.startUpdate(flow::cancel, shopperUpdate(CANCEL)));
  }

  private static UpdateOptions<ShopperRedirect> shopperUpdate(String updateId) {
    return UpdateOptions.<ShopperRedirect>newBuilder().setUpdateId(updateId).setWaitForStage(WorkflowUpdateStage.ACCEPTED).build();
  }

  /**
   * A decided flow answers from its state; only an undecided one gets the Update. A refusal
   * because the flow decided meanwhile, or a flow that closed, is answered from state too.
   */
  private ShopperRedirect shopperStep(
      String flowId, Supplier<io.temporal.client.WorkflowUpdateHandle<ShopperRedirect>> update) {
    Optional<ShopperRedirect> decided = decided(flowId);
    if (decided.isPresent()) {
      return decided.get();
    }
    try {
      return updates.send(flowId, update, properties.shopperReturnWait());
    } catch (FlowClosedException closed) {
      return decided(flowId).orElseThrow(() -> closed);
    } catch (WorkflowUpdateException refused) {
      if (UpdateFailure.of(refused.getCause()).refusal() == FlowRefusal.STATE_CONFLICT) {
        return decided(flowId).orElseThrow(() -> refused);
      }
      throw refused;
    }
  }

  /** The flow's decision for the browser, if it made one; empty when none yet or no worker answered in time. */
  private Optional<ShopperRedirect> decided(String flowId) {
    Deadline deadline = Deadline.after(queryWait.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return Optional.ofNullable(
          deadlines.within(
              deadline,
              () -> client.newWorkflowStub(AffirmCheckoutWorkflow.class, flowId).shopperRedirect()));
    } catch (WorkflowNotFoundException unknown) {
      throw unknown;
    } catch (RuntimeException unanswered) {
      log.warn("Affirm flow {} did not answer where the shopper goes ({}); sending the Update", flowId, unanswered.toString());
      return Optional.empty();
    }
  }

  /**
   * Captures; empty when Affirm has not answered within the operation wait (the flow keeps at it).
   * The Update id names the amount, so a repeated request attaches to the same capture.
   */
  public Optional<FlowStatus> capture(String flowId, AffirmCapture capture) {
    String id = "capture-" + (capture.amount() == null ? "all" : capture.amount().currency() + "-" + capture.amount().toPlainString());
    return merchantAction(flowId, "capture", id, capture);
  }

  public Optional<FlowStatus> voidCharge(String flowId) {
    return merchantAction(flowId, "void", "void", null);
  }

  public Optional<FlowStatus> update(String flowId, AffirmChargeUpdate update) {
    return merchantAction(flowId, "update", null, update);
  }

  private Optional<FlowStatus> merchantAction(String flowId, String updateName, String updateId, Object argument) {
    UpdateOptions.Builder<FlowStatus> options =
        UpdateOptions.newBuilder(FlowStatus.class).setUpdateName(updateName).setWaitForStage(WorkflowUpdateStage.ACCEPTED);
    if (updateId != null) {
      options.setUpdateId(updateId);
    }
    Object[] arguments = argument == null ? new Object[0] : new Object[] {argument};
    return updates.sendOrPending(
        flowId,
        () -> client.newUntypedWorkflowStub(flowId).startUpdate(options.build(), arguments),
        properties.operationWait());
  }
}
