package org.financingorchestrator.api.afterpay;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutInput;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutDigest;
import org.financingorchestrator.workflows.afterpay.AfterpayOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayOrderCreated;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayReturnRound;
import org.financingorchestrator.workflows.afterpay.AfterpayShopperReturn;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowRefusedException;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.FlowStep;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.ShopperRedirect;

/**
 * A stand-in for the real checkout workflow that keeps the same contract (Updates, validators,
 * status Query) and answers from a script chosen by the merchant reference's prefix, so that the
 * API's mapping of every outcome can be asserted.
 */
public class ScriptedAfterpayCheckoutWorkflow implements AfterpayCheckoutWorkflow {

  /** Order refused by this project: total outside Afterpay's limits. */
  static final String OUTSIDE_LIMITS = "limits-";
  /** Order refused by Afterpay (422 invalid_object). */
  static final String AFTERPAY_REFUSES_ORDER = "refused-";
  /** Afterpay unreachable while creating the order. */
  static final String AFTERPAY_DOWN = "down-";
  /** The flow finishes (EXPIRED) right after answering its order. */
  static final String EXPIRES = "expires-";
  /** A refund with this merchant reference is refused by Afterpay (412). */
  static final String REFUND_REFUSED = "refused-by-afterpay";

  private AfterpayCheckoutInput input;
  private AfterpayCheckoutRequest request;
  private AfterpayOrder order;
  private FlowFailure failure;
  private FlowState state = FlowState.STARTED;
  private Money captured;
  private Money refunded;
  private ShopperRedirect redirect;
  private final List<RefundRecord> refunds = new ArrayList<>();
  private final List<FlowStep> steps = new ArrayList<>();

  /** The input is there before any Update: the start's Update may be handled before run(). */
  @WorkflowInit
  public ScriptedAfterpayCheckoutWorkflow(AfterpayCheckoutInput input) {
    this.input = input;
  }

  @Override
  public FlowStatus run(AfterpayCheckoutInput input) {
    step("started", null);
    Workflow.await(() -> order != null || failure != null);
    if (failure == null && input.request().merchantReference().startsWith(EXPIRES)) {
      state = FlowState.EXPIRED;
      step("expired", null);
    } else if (failure == null) {
      Workflow.await(() -> state.endedWithoutPayment());
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return status();
  }

  @Override
  public AfterpayOrderCreated orderCreated(String checkoutDigest) {
    AfterpayOrder created = order(input.request());
    return new AfterpayOrderCreated(created.token(), created.expires(), state);
  }

  @Override
  public void validateOrderCreated(String checkoutDigest) {
    if (!AfterpayCheckoutDigest.of(input.request()).equals(checkoutDigest)) {
      throw new FlowRefusedException.ReferenceInUse(
          "merchantReference", input.request().merchantReference() + " was used for another order");
    }
  }

  @Override
  public AfterpayOrder order(AfterpayCheckoutRequest request) {
    if (order != null) {
      return order;
    }
    this.request = request;
    String reference = request.merchantReference();
    if (reference.startsWith(OUTSIDE_LIMITS)) {
      failure = FlowFailure.ofOrchestrator("amount_outside_limits", "USD 21.85 is outside USD 50.00 to 1000.00");
      state = FlowState.FAILED;
      throw ApplicationFailure.newBuilder()
          .setType(failure.code())
          .setMessage(failure.message())
          .setDetails(failure)
          .setNonRetryable(true)
          .build();
    }
    if (reference.startsWith(AFTERPAY_REFUSES_ORDER) || reference.startsWith(AFTERPAY_DOWN)) {
      ProviderFailure refusal =
          reference.startsWith(AFTERPAY_DOWN)
              ? new ProviderFailure("afterpay", 0, ProviderFailure.UNREACHABLE, "read timed out", null, true)
              : new ProviderFailure(
                  "afterpay", 422, "invalid_object", "[totalAmount must be greater than 0.00]", "cf5907fbf8fbc417", false);
      failure = FlowFailure.of(refusal);
      state = FlowState.FAILED;
      throw refusal.toApplicationFailure(null);
    }
    order = new AfterpayOrder("tok-" + reference, now().plus(Duration.ofHours(3)));
    state = FlowState.AWAITING_SHOPPER;
    step("order", null);
    return order;
  }

  @Override
  public void validateOrder(AfterpayCheckoutRequest request) {
    if (this.request != null && !this.request.equals(request)) {
      throw new FlowRefusedException.ReferenceInUse(
          "merchantReference", request.merchantReference() + " was used for another order");
    }
  }

  @Override
  public ShopperRedirect shopperReturn(AfterpayShopperReturn shopperReturn) {
    if (redirect != null) {
      return redirect;
    }
    String confirm = input.request().merchant().redirectConfirmUrl();
    String cancel = input.request().merchant().redirectCancelUrl();
    switch (shopperReturn.status()) {
      case SUCCESS:
        state = FlowState.CAPTURED;
        captured = input.request().totalAmount();
        refunded = Money.zero(captured.currency());
        step("capture", "APPROVED");
        redirect = new ShopperRedirect(confirm + "?flow=" + flowId(), state, null);
        break;
      case CANCELLED:
        state = FlowState.CANCELLED;
        redirect = new ShopperRedirect(cancel + "?reason=cancelled", state, "cancelled");
        break;
      default:
        state = FlowState.DECLINED;
        redirect = new ShopperRedirect(cancel + "?reason=declined", state, "declined");
    }
    return redirect;
  }

  @Override
  public void validateShopperReturn(AfterpayShopperReturn shopperReturn) {
    if (order == null) {
      throw new FlowRefusedException.StateConflict("there is no order yet");
    }
    if (!order.token().equals(shopperReturn.orderToken())) {
      throw new FlowRefusedException.ForeignToken("orderToken", "does not belong to this flow");
    }
  }

  @Override
  public RefundRecord refund(RefundRequest refund) {
    if (REFUND_REFUSED.equals(refund.merchantReference())) {
      throw new ProviderFailure(
              "afterpay",
              412,
              "precondition_failed",
              "The paymentId was not found or was not eligible for a refund.",
              "e412",
              false)
          .toApplicationFailure(null);
    }
    RefundRecord record =
        new RefundRecord(
            "rf-" + (refunds.size() + 1),
            Workflow.randomUUID().toString(),
            refund.merchantReference(),
            refund.amount(),
            now());
    refunds.add(record);
    refunded = refunded.plus(refund.amount());
    state = refunded.equals(captured) ? FlowState.REFUNDED : FlowState.PARTIALLY_REFUNDED;
    step("refund", record.refundId());
    return record;
  }

  @Override
  public void validateRefund(RefundRequest refund) {
    if (!state.isPaid()) {
      throw new IllegalStateException("the payment is not captured yet");
    }
    if (!refund.amount().currency().equals(captured.currency())) {
      throw new IllegalArgumentException("the refund must be in " + captured.currency());
    }
    if (refund.amount().isGreaterThan(captured.minus(refunded))) {
      throw new IllegalArgumentException(
          "the refund is more than what is left (" + captured.minus(refunded) + ")");
    }
  }

  @Override
  public void updateCourier(AfterpayCourier courier) {
    step("courier", courier.name() + " " + courier.tracking() + " " + courier.priority());
  }

  @Override
  public void validateUpdateCourier(AfterpayCourier courier) {
    if (!state.isPaid()) {
      throw new IllegalStateException("the payment is not captured yet");
    }
  }

  @Override
  public ShopperRedirect shopperRedirect() {
    return redirect;
  }

  @Override
  public AfterpayReturnRound shopperReturnRound() {
    return new AfterpayReturnRound(order == null ? null : order.token(), 0, redirect);
  }

  @Override
  public FlowStatus status() {
    AfterpayCheckoutRequest checkout = input != null ? input.request() : request;
    return new FlowStatus(
        flowId(),
        PROVIDER,
        input == null ? null : input.merchantId(),
        checkout == null ? null : checkout.merchantReference(),
        state,
        checkout == null ? null : checkout.totalAmount(),
        captured,
        refunded,
        order == null ? Map.of() : Map.of("token", order.token()),
        List.copyOf(refunds),
        failure,
        List.copyOf(steps),
        List.of());
  }

  private void step(String name, String detail) {
    steps.add(new FlowStep(name, now(), detail));
  }

  private static String flowId() {
    return Workflow.getInfo().getWorkflowId();
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
