package org.financingorchestrator.workflows.afterpay;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.RefundableFlow;
import org.financingorchestrator.workflows.common.ShopperRedirect;

/**
 * One Afterpay checkout, from order to the end of its after-sale window. Its workflow id is
 * {@code afterpay-<merchantId>-<merchantReference>} (the API's FlowIds owns the format); flows
 * started before merchants have {@code afterpay-<merchantReference>}. Its refund Update is the contract
 * every provider's flow shares ({@link RefundableFlow}).
 */
@WorkflowInterface
public interface AfterpayCheckoutWorkflow extends RefundableFlow {

  // Update and Query names, for clients that send them by name (untyped stubs, Update-with-Start).
  String SHOPPER_RETURN = "shopperReturn";
  String UPDATE_COURIER = "updateCourier";
  String SHOPPER_REDIRECT = "shopperRedirect";
  String SHOPPER_RETURN_ROUND = "shopperReturnRound";

  /** The provider's name: in flow ids, statuses, failures, metrics and search attributes. */
  String PROVIDER = "afterpay";
  String WORKFLOW_ID_PREFIX = PROVIDER + "-";
  /** The workflow type, as the API starts it. */
  String TYPE = "AfterpayCheckout";
  /**
   * Where Afterpay checkouts run. The API starts flows here; the worker's {@code worker.yaml}
   * names it for its worker (Spring's list of workers cannot read a constant), which a test of the
   * worker holds to this value.
   */
  String TASK_QUEUE = "afterpay-checkouts";
  /** The Update sent with the start: it carries the checkout's digest, not the checkout. */
  String ORDER_CREATED = "orderCreated";
  /**
   * The Update flows started before {@link #ORDER_CREATED} were sent, with the whole checkout;
   * its handler stays while such flows can run (see README, "How long old versions stay").
   */
  String ORDER = "order";

  /** Runs the checkout; returns the final status. */
  @WorkflowMethod(name = TYPE)
  FlowStatus run(AfterpayCheckoutInput input);

  /**
   * Sent with the start (Update-with-Start): answers once the Afterpay order exists, with its
   * token, expiry and the flow's state then, or fails with why it could not be created. Takes the
   * {@link AfterpayCheckoutDigest} of the checkout, which must be the one the flow was started
   * with: a merchant reference reused for another order is refused.
   */
  @UpdateMethod(name = ORDER_CREATED)
  AfterpayOrderCreated orderCreated(String checkoutDigest);

  @UpdateValidatorMethod(updateName = ORDER_CREATED)
  void validateOrderCreated(String checkoutDigest);

  /** {@link #orderCreated} as flows started before it were sent it: with the whole checkout. */
  @UpdateMethod(name = ORDER)
  AfterpayOrder order(AfterpayCheckoutRequest request);

  @UpdateValidatorMethod(updateName = ORDER)
  void validateOrder(AfterpayCheckoutRequest request);

  /**
   * The shopper's browser came back from Afterpay. Answers where the browser goes next, once the
   * flow has decided (after the capture on SUCCESS). A token that is not this flow's is refused.
   * Repeated returns answer the same decision.
   */
  @UpdateMethod(name = SHOPPER_RETURN)
  ShopperRedirect shopperReturn(AfterpayShopperReturn shopperReturn);

  @UpdateValidatorMethod(updateName = SHOPPER_RETURN)
  void validateShopperReturn(AfterpayShopperReturn shopperReturn);

  /** Sends shipping courier details to Afterpay for the captured payment. */
  @UpdateMethod(name = UPDATE_COURIER)
  void updateCourier(AfterpayCourier courier);

  @UpdateValidatorMethod(updateName = UPDATE_COURIER)
  void validateUpdateCourier(AfterpayCourier courier);

  @QueryMethod(name = FlowStatus.QUERY)
  FlowStatus status();

  /**
   * Where a shopper's browser returning now should go: the decision the flow made, or, once the
   * flow has ended without one (expired, order failed), the merchant's cancel page with the
   * reason. Null while the flow still waits for the shopper. Queries also answer for finished
   * flows, so a late or repeated return still lands on the merchant's page.
   */
  @QueryMethod(name = SHOPPER_REDIRECT)
  ShopperRedirect shopperRedirect();

  /**
   * Asked when a shopper's return was answered without a decision (was it this return's own
   * answer, or an earlier round's?), or when no worker answered in time: a decided flow is
   * answered from here, with no Update; otherwise the return goes as the Update of this round
   * (its id names the round), so that repeats of it attach to the same Update instead of writing
   * new ones.
   */
  @QueryMethod(name = SHOPPER_RETURN_ROUND)
  AfterpayReturnRound shopperReturnRound();
}
