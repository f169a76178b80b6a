package org.financingorchestrator.workflows.affirm;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.RefundableFlow;
import org.financingorchestrator.workflows.common.ShopperRedirect;

/**
 * One Affirm checkout, from the checkout object handed to Affirm.js to the end of its after-sale
 * window: the shopper confirms (or cancels), the flow authorizes the charge and checks its amount,
 * then the merchant captures or voids it, refunds and updates it. Its workflow id is
 * {@code affirm-<merchantId>-<orderId>}. Every merchant action is an Update with a validator, so
 * an action the charge's state does not allow is refused without a trace in history.
 */
@WorkflowInterface
public interface AffirmCheckoutWorkflow extends RefundableFlow {

  // Update and Query names, for clients that send them by name (untyped stubs, Update-with-Start).
  String CONFIRM = "confirm";
  String CANCEL = "cancel";
  String CAPTURE = "capture";
  String VOID = "void";
  String UPDATE = "update";
  String SHOPPER_REDIRECT = "shopperRedirect";

  String PROVIDER = "affirm";
  String TYPE = "AffirmCheckout";
  String TASK_QUEUE = "affirm-checkouts";
  /** The Update sent with the start; carries the checkout's digest. */
  String CHECKOUT_OPENED = "checkoutOpened";
  /** The message Affirm's document says to show the shopper when an authorization fails. */
  String AUTHORIZATION_MESSAGE =
      "There was an issue authorizing your Affirm loan. Please check out again or use a different payment method.";

  /** Runs the checkout; returns the final status, or fails the run when no charge was ever authorized. */
  @WorkflowMethod(name = TYPE)
  FlowStatus run(AffirmCheckoutInput input);

  /** Sent with the start (Update-with-Start): the flow's state; another order under the same id is refused. */
  @UpdateMethod(name = CHECKOUT_OPENED)
  AffirmCheckoutOpened checkoutOpened(String checkoutDigest);

  @UpdateValidatorMethod(updateName = CHECKOUT_OPENED)
  void validateCheckoutOpened(String checkoutDigest);

  /**
   * The shopper confirmed at Affirm: authorizes with the checkout_token and answers where the
   * browser goes (the merchant's confirm page once authorized, its payment-method page otherwise).
   * A repeat while authorizing joins it; once decided it is refused (the API answers from state).
   */
  @UpdateMethod(name = CONFIRM)
  ShopperRedirect confirm(AffirmConfirmation confirmation);

  @UpdateValidatorMethod(updateName = CONFIRM)
  void validateConfirm(AffirmConfirmation confirmation);

  /** The shopper cancelled at Affirm: CANCELLED, and the browser goes to the merchant's page. */
  @UpdateMethod(name = CANCEL)
  ShopperRedirect cancel();

  @UpdateValidatorMethod(updateName = CANCEL)
  void validateCancel();

  /** Captures the authorization once, all of it or less, before it expires. */
  @UpdateMethod(name = CAPTURE)
  FlowStatus capture(AffirmCapture capture);

  @UpdateValidatorMethod(updateName = CAPTURE)
  void validateCapture(AffirmCapture capture);

  /** Voids the authorization; only before capture. */
  @UpdateMethod(name = VOID)
  FlowStatus voidCharge();

  @UpdateValidatorMethod(updateName = VOID)
  void validateVoid();

  /** Updates the charge's order id, shipping carrier and tracking number. */
  @UpdateMethod(name = UPDATE)
  FlowStatus update(AffirmChargeUpdate update);

  @UpdateValidatorMethod(updateName = UPDATE)
  void validateUpdate(AffirmChargeUpdate update);

  @QueryMethod(name = FlowStatus.QUERY)
  FlowStatus status();

  /** Where a shopper's browser returning now goes; null while the flow has not decided. */
  @QueryMethod(name = SHOPPER_REDIRECT)
  ShopperRedirect shopperRedirect();
}
