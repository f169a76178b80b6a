package org.financingorchestrator.api.afterpay;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateStage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.financingorchestrator.api.common.CallbacksProperties;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.FlowClosedException;
import org.financingorchestrator.api.common.FlowStatusReader;
import org.financingorchestrator.api.common.FlowUpdates;
import org.financingorchestrator.api.common.InvalidRequestException;
import org.financingorchestrator.workflows.afterpay.AfterpayCallbacks;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutInput;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayOrder;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayShopperReturn;
import org.financingorchestrator.workflows.common.FlowMemo;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Talks to Afterpay checkout flows: starts them and sends them the merchant's and the shopper's
 * requests as Updates, each waiting for the flow's answer within the configured bound.
 */
@Service
public class AfterpayFlows {

  private static final Logger log = LoggerFactory.getLogger(AfterpayFlows.class);

  static final String CONFIRM = "confirm";
  static final String CANCEL = "cancel";

  private final WorkflowClient client;
  private final AfterpayFlowProperties properties;
  private final CallbacksProperties callbacks;
  private final FlowUpdates updates;
  private final FlowStatusReader statusReader;

  public AfterpayFlows(
      WorkflowClient client,
      AfterpayFlowProperties properties,
      CallbacksProperties callbacks,
      FlowUpdates updates,
      FlowStatusReader statusReader) {
    this.client = client;
    this.properties = properties;
    this.callbacks = callbacks;
    this.updates = updates;
    this.statusReader = statusReader;
  }

  /**
   * Starts the checkout flow and waits for its Afterpay order (Update-with-Start). The same
   * merchant reference again attaches to the running flow and gets the same order; a finished
   * flow is never started again (its state is answered instead).
   */
  public CheckoutCreated start(AfterpayCheckoutRequest request) {
    String flowId = AfterpayCheckoutWorkflow.workflowId(request.merchantReference());
    AfterpayCheckoutWorkflow flow =
        client.newWorkflowStub(
            AfterpayCheckoutWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(flowId)
                .setTaskQueue(properties.taskQueue())
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                // A flow that created nothing at Afterpay fails its run: the reference starts again.
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .setStaticSummary(
                    "Afterpay checkout " + request.merchantReference() + " " + request.totalAmount())
                // A flow no worker has picked up yet still has a status to answer.
                .setMemo(
                    FlowMemo.started(
                        flowId, AfterpayCheckoutWorkflow.PROVIDER, request.merchantReference(), request.totalAmount()))
                .build());
    AfterpayCheckoutInput input =
        new AfterpayCheckoutInput(
            request,
            new AfterpayCallbacks(
                callbacks.callbackUrl(AfterpayCheckoutWorkflow.PROVIDER, flowId, CONFIRM),
                callbacks.callbackUrl(AfterpayCheckoutWorkflow.PROVIDER, flowId, CANCEL)),
            properties.afterSaleWindow());
    UpdateOptions<AfterpayOrder> untilAccepted =
        UpdateOptions.<AfterpayOrder>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build();
    AfterpayOrder order;
    try {
      order =
          updates.send(
              flowId,
              () ->
                  WorkflowClient.startUpdateWithStart(
                      flow::order, request, untilAccepted, new WithStartWorkflowOperation<>(flow::run, input)),
              properties.orderWait());
    } catch (WorkflowServiceException e) {
      if (alreadyClosed(e)) {
        FlowStatus finished = statusReader.get(flowId).status();
        log.info("Afterpay flow {} has finished ({}); not started again", flowId, finished.state());
        throw new FlowClosedException(flowId, finished);
      }
      throw e;
    }
    log.info("Afterpay flow {} has order token, expires {}", flowId, order.expires());
    // A repeated request may attach to a flow that has moved on (captured, say): answer its state.
    FlowState state = statusReader.get(flowId).status().state();
    return new CheckoutCreated(
        flowId,
        AfterpayCheckoutWorkflow.PROVIDER,
        state,
        order.token(),
        order.expires(),
        properties
            .shopperCheckoutUrl()
            .replace("{token}", URLEncoder.encode(order.token(), StandardCharsets.UTF_8)));
  }

  /**
   * The shopper is back from Afterpay; answers where the browser goes next, after the capture
   * when the shopper approved.
   */
  public ShopperRedirect shopperReturn(String flowId, AfterpayShopperReturn shopperReturn) {
    AfterpayCheckoutWorkflow flow = client.newWorkflowStub(AfterpayCheckoutWorkflow.class, flowId);
    UpdateOptions<ShopperRedirect> options =
        UpdateOptions.<ShopperRedirect>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build();
    try {
      return updates.send(
          flowId,
          () -> WorkflowClient.startUpdate(flow::shopperReturn, shopperReturn, options),
          properties.shopperReturnWait());
    } catch (FlowClosedException closed) {
      return finishedFlowRedirect(flow, shopperReturn, closed);
    }
  }

  /**
   * A browser that comes back after its flow ended (a late return after expiry, a reload of the
   * callback) still lands on the merchant's page the flow chose, not on an error; a token that
   * is not the flow's is refused as it is while the flow runs.
   */
  private ShopperRedirect finishedFlowRedirect(
      AfterpayCheckoutWorkflow flow, AfterpayShopperReturn shopperReturn, FlowClosedException closed) {
    if (!shopperReturn.orderToken().equals(closed.status().providerIds().get("token"))) {
      throw new InvalidRequestException(
          List.of(new FieldProblem("orderToken", "does not belong to this flow")));
    }
    ShopperRedirect redirect = flow.shopperRedirect();
    if (redirect == null) {
      throw closed;
    }
    return redirect;
  }

  /**
   * Refunds part or all of the captured payment; empty when the refund is not settled within the
   * operation wait (it goes on in the flow). The Update id is derived from the merchant's refund
   * reference and the amount: a repeated request attaches to the same Update (in flight or done)
   * and answers its outcome, which is only ever definite. The amount is part of the id because
   * Temporal attaches a request with a known id without running the validator: with the
   * reference alone, the same reference with another amount would be answered the first refund;
   * this way it reaches the validator, which refuses it.
   */
  public Optional<RefundRecord> refund(String flowId, RefundRequest refund) {
    AfterpayCheckoutWorkflow flow = client.newWorkflowStub(AfterpayCheckoutWorkflow.class, flowId);
    UpdateOptions<RefundRecord> options =
        UpdateOptions.<RefundRecord>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .setUpdateId(
                "refund-" + refund.merchantReference() + "-" + refund.amount().currency() + "-"
                    + refund.amount().toPlainString())
            .build();
    Optional<RefundRecord> record =
        updates.sendOrPending(
            flowId, () -> WorkflowClient.startUpdate(flow::refund, refund, options), properties.operationWait());
    record.ifPresentOrElse(
        r -> log.info("Afterpay flow {} refunded, refund id {}", flowId, r.refundId()),
        () -> log.info("Afterpay flow {} refund {} is pending", flowId, refund.merchantReference()));
    return record;
  }

  /** Sends the courier details to Afterpay and answers the flow's status after it. */
  public FlowStatus updateCourier(String flowId, AfterpayCourier courier) {
    AfterpayCheckoutWorkflow flow = client.newWorkflowStub(AfterpayCheckoutWorkflow.class, flowId);
    UpdateOptions<Void> options =
        UpdateOptions.<Void>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build();
    updates.send(
        flowId, () -> WorkflowClient.startUpdate(flow::updateCourier, courier, options), properties.operationWait());
    return statusReader.get(flowId).status();
  }

  /** The reuse policy refused the start: a flow with this id ran and finished (not failed). */
  private static boolean alreadyClosed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WorkflowExecutionAlreadyStarted) {
        return true;
      }
      if (t instanceof StatusRuntimeException grpc
          && grpc.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return true;
      }
    }
    return false;
  }
}
