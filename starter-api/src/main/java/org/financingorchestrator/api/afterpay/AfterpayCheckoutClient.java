package org.financingorchestrator.api.afterpay;

import io.grpc.Deadline;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.FlowClosedException;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.FlowStart;
import org.financingorchestrator.api.common.FlowStatusProperties;
import org.financingorchestrator.api.common.FlowStatusReader;
import org.financingorchestrator.api.common.FlowUpdateSender;
import org.financingorchestrator.api.common.GrpcDeadlines;
import org.financingorchestrator.api.common.InvalidRequestException;
import org.financingorchestrator.api.common.UpdateFailure;
import org.financingorchestrator.workflows.afterpay.AfterpayCallbacks;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutDigest;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutInput;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayOrderCreated;
import org.financingorchestrator.workflows.afterpay.AfterpayReturnRound;
import org.financingorchestrator.workflows.afterpay.AfterpayShopperReturn;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The client of Afterpay checkout flows: starts them (through the common {@link FlowUpdateSender}) and
 * sends them the shopper's return and the merchant's courier updates as Updates, each waiting for
 * the flow's answer within the configured bound. Refunds are every provider's
 * ({@code RefundController}).
 */
@Service
public class AfterpayCheckoutClient {

  private static final Logger log = LoggerFactory.getLogger(AfterpayCheckoutClient.class);

  static final String CONFIRM = "confirm";
  static final String CANCEL = "cancel";
  /** The shopper return's Update id, before the round and the token's digest: one Update per round and token. */
  static final String SHOPPER_RETURN_UPDATE = "shopper-return-";

  private final WorkflowClient client;
  private final AfterpayFlowProperties properties;
  private final CallbackSignatures callbacks;
  private final FlowUpdateSender updates;
  private final FlowStatusReader statusReader;
  private final GrpcDeadlines deadlines;
  private final FlowStatusProperties statusProperties;

  public AfterpayCheckoutClient(
      WorkflowClient client,
      AfterpayFlowProperties properties,
      CallbackSignatures callbacks,
      FlowUpdateSender updates,
      FlowStatusReader statusReader,
      GrpcDeadlines deadlines,
      FlowStatusProperties statusProperties) {
    this.client = client;
    this.properties = properties;
    this.callbacks = callbacks;
    this.updates = updates;
    this.statusReader = statusReader;
    this.deadlines = deadlines;
    this.statusProperties = statusProperties;
  }

  /**
   * Starts the checkout flow and waits for its Afterpay order (Update-with-Start). The same
   * merchant reference again attaches to the running flow and gets the same order; a finished
   * flow is never started again (its state is answered instead).
   */
  public CheckoutCreated start(String merchantId, AfterpayCheckoutRequest request) {
    String flowId = FlowIds.of(AfterpayCheckoutWorkflow.PROVIDER, merchantId, request.merchantReference());
    AfterpayCheckoutInput input =
        new AfterpayCheckoutInput(
            request,
            new AfterpayCallbacks(
                callbacks.callbackUrl(AfterpayCheckoutWorkflow.PROVIDER, flowId, CONFIRM),
                callbacks.callbackUrl(AfterpayCheckoutWorkflow.PROVIDER, flowId, CANCEL)),
            properties.afterSaleWindow(),
            merchantId);
    FlowStart start =
        new FlowStart(
            flowId,
            AfterpayCheckoutWorkflow.TYPE,
            properties.taskQueue(),
            AfterpayCheckoutWorkflow.PROVIDER,
            merchantId,
            request.merchantReference(),
            request.totalAmount(),
            "Afterpay checkout",
            "Creates the Afterpay order, waits for the shopper to approve at Afterpay until the order expires, captures"
                + " the payment, then serves refunds and courier updates until the after-sale window closes.",
            input);
    // The checkout travels once, as the start's input; the Update carries only its digest, and
    // answers the flow's state too (a repeated request may find it captured already).
    AfterpayOrderCreated order =
        updates.start(
            start,
            AfterpayCheckoutWorkflow.ORDER_CREATED,
            AfterpayOrderCreated.class,
            AfterpayCheckoutDigest.of(request),
            properties.orderWait());
    log.info("Afterpay flow {} has order token, expires {}", flowId, order.expires());
    return new CheckoutCreated(
        flowId,
        AfterpayCheckoutWorkflow.PROVIDER,
        order.state(),
        order.token(),
        order.expires(),
        properties
            .shopperCheckoutUrl()
            .replace("{token}", URLEncoder.encode(order.token(), StandardCharsets.UTF_8)));
  }

  /**
   * The shopper is back from Afterpay; answers where the browser goes next, after the capture
   * when the shopper approved. The return goes straight to the flow as the Update of its first
   * round, whose id names the round and the token: repeats attach to it, and once it has
   * completed Temporal answers them its result without asking the flow or writing to its history
   * (a reload after the capture costs nothing). Another token makes another id, which the flow's
   * validator refuses. Only an answer without a decision (a capture refused with invalid_token
   * while the token is valid: the flow waits for the shopper again) needs the flow asked whether
   * it answered this return or an earlier one; then this return goes as the Update of the current
   * round.
   */
  public ShopperRedirect shopperReturn(String flowId, AfterpayShopperReturn shopperReturn) {
    AfterpayCheckoutWorkflow flow = client.newWorkflowStub(AfterpayCheckoutWorkflow.class, flowId);
    AfterpayShopperReturn thisReturn = shopperReturn.withReturnId(UUID.randomUUID().toString());
    try {
      ShopperRedirect answer = sendInRound(flowId, flow, thisReturn, 0);
      return answer.state() == FlowState.AWAITING_SHOPPER ? afterUndecided(flowId, flow, thisReturn, answer) : answer;
    } catch (FlowClosedException closed) {
      return finishedFlowRedirect(flow, shopperReturn, closed);
    } catch (WorkflowUpdateException refused) {
      return decidedRedirect(flow, refused);
    }
  }

  /** A return the flow refused as unchanged: it has decided, and the decision is the answer. */
  private static ShopperRedirect decidedRedirect(AfterpayCheckoutWorkflow flow, WorkflowUpdateException refused) {
    UpdateFailure failure = UpdateFailure.of(refused.getCause());
    if (!failure.isRefusal() || failure.refusal() != FlowRefusal.UNCHANGED) {
      throw refused;
    }
    ShopperRedirect decided = flow.shopperRedirect();
    if (decided == null) {
      throw refused;
    }
    return decided;
  }

  private ShopperRedirect sendInRound(
      String flowId, AfterpayCheckoutWorkflow flow, AfterpayShopperReturn shopperReturn, int round) {
    UpdateOptions<ShopperRedirect> options =
        UpdateOptions.<ShopperRedirect>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .setUpdateId(shopperReturnUpdateId(round, shopperReturn.orderToken()))
            .build();
    return updates.send(
        flowId, () -> WorkflowClient.startUpdate(flow::shopperReturn, shopperReturn, options), properties.shopperReturnWait());
  }

  /** One Update per round and token; the token only as a digest (ids show in the Temporal UI). */
  static String shopperReturnUpdateId(int round, String orderToken) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderToken.getBytes(StandardCharsets.UTF_8));
      return SHOPPER_RETURN_UPDATE + round + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every JVM has SHA-256", missing);
    }
  }

  /**
   * The answer was undecided: this return's own, or an earlier round's that Temporal kept under
   * the first round's id. The flow says which; an earlier one's means this return starts the
   * current round. When no worker answers in time, the answer stands (the browser may repeat).
   */
  private ShopperRedirect afterUndecided(
      String flowId, AfterpayCheckoutWorkflow flow, AfterpayShopperReturn thisReturn, ShopperRedirect answer) {
    Optional<AfterpayReturnRound> round = returnRound(flowId, flow);
    if (round.isEmpty()) {
      return answer;
    }
    AfterpayReturnRound known = round.get();
    if (known.decided() != null) {
      return known.decided();
    }
    if (thisReturn.returnId().equals(known.undecidedReturnId())) {
      return answer;
    }
    return sendInRound(flowId, flow, thisReturn, known.round());
  }

  /** The flow's answer within the status Query's wait; empty when no worker answered in time. */
  private Optional<AfterpayReturnRound> returnRound(String flowId, AfterpayCheckoutWorkflow flow) {
    try {
      return Optional.of(
          deadlines.within(
              Deadline.after(statusProperties.statusQueryWait().toMillis(), TimeUnit.MILLISECONDS),
              flow::shopperReturnRound));
    } catch (WorkflowNotFoundException noSuchFlow) {
      throw noSuchFlow;
    } catch (WorkflowQueryException | WorkflowServiceException unanswered) {
      log.warn("Flow {} did not answer shopperReturnRound in time; its undecided answer stands", flowId);
      return Optional.empty();
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
   * Sends the courier details to Afterpay and answers the flow's status after it. The details
   * Afterpay has already are not sent again: the flow refuses them as unchanged (writing nothing)
   * and the answer is its status, as for the first request.
   */
  public FlowStatus updateCourier(String flowId, AfterpayCourier courier) {
    AfterpayCheckoutWorkflow flow = client.newWorkflowStub(AfterpayCheckoutWorkflow.class, flowId);
    UpdateOptions<Void> options =
        UpdateOptions.<Void>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build();
    try {
      updates.send(
          flowId, () -> WorkflowClient.startUpdate(flow::updateCourier, courier, options), properties.operationWait());
    } catch (WorkflowUpdateException refused) {
      if (UpdateFailure.of(refused.getCause()).refusal() != FlowRefusal.UNCHANGED) {
        throw refused;
      }
    }
    return statusReader.get(flowId).forMerchant().status();
  }

}
