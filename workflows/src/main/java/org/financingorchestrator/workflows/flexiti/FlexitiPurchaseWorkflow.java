package org.financingorchestrator.workflows.flexiti;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.financingorchestrator.workflows.common.FlowStatus;

/**
 * One Flexiti point-of-sale purchase: look the customer up, verify them, post the transaction,
 * show the terms, and confirm it once the customer accepts. Its workflow id is
 * {@code flexiti-<merchantId>-<merchantReference>}. The clerk's inputs (the verification code, the
 * customer's answer) are Updates whose validators refuse them in any other state, writing nothing.
 */
@WorkflowInterface
public interface FlexitiPurchaseWorkflow {

  // Update and Query names, for clients that send them by name (untyped stubs, Update-with-Start).
  String VERIFICATION_CODE = "verificationCode";
  String CUSTOMER_CONFIRMATION = "customerConfirmation";
  String PURCHASE = "purchase";

  String PROVIDER = "flexiti";
  String TYPE = "FlexitiPurchase";
  /** Where Flexiti flows run; worker.yaml names it for its worker. */
  String TASK_QUEUE = "flexiti-flows";
  /** The Update sent with the start: answers once the flow waits for the clerk or has ended. */
  String STARTED = "started";

  @WorkflowMethod(name = TYPE)
  FlowStatus run(FlexitiPurchaseInput input);

  /**
   * Sent with the start (Update-with-Start) with the request's digest: answers once the flow waits
   * for a code, for the customer's answer, or has ended. A reference reused for another purchase
   * is refused.
   */
  @UpdateMethod(name = STARTED)
  FlexitiPurchaseAnswer started(String requestDigest);

  @UpdateValidatorMethod(updateName = STARTED)
  void validateStarted(String requestDigest);

  /** The code the customer received (sms, email), as the clerk entered it; answers after the post. */
  @UpdateMethod(name = VERIFICATION_CODE)
  FlexitiPurchaseAnswer verificationCode(String code);

  @UpdateValidatorMethod(updateName = VERIFICATION_CODE)
  void validateVerificationCode(String code);

  /** The customer accepts (true) or refuses the terms; answers once confirmed or not. */
  @UpdateMethod(name = CUSTOMER_CONFIRMATION)
  FlexitiPurchaseAnswer customerConfirmation(boolean accepted);

  @UpdateValidatorMethod(updateName = CUSTOMER_CONFIRMATION)
  void validateCustomerConfirmation(boolean accepted);

  @QueryMethod(name = PURCHASE)
  FlexitiPurchaseAnswer purchase();

  @QueryMethod(name = FlowStatus.QUERY)
  FlowStatus status();
}
