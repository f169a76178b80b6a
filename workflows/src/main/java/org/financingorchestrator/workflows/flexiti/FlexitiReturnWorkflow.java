package org.financingorchestrator.workflows.flexiti;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.financingorchestrator.workflows.common.FlowStatus;

/**
 * One Flexiti return, a short flow of its own: look the customer up, list their purchases, post
 * the return against one of them. Its workflow id is {@code flexiti-<merchantId>-<merchantReference>}.
 */
@WorkflowInterface
public interface FlexitiReturnWorkflow {

  // Update and Query names, for clients that send them by name (untyped stubs, Update-with-Start).
  String RETURNED = "returned";

  String TYPE = "FlexitiReturn";

  @WorkflowMethod(name = TYPE)
  FlowStatus run(FlexitiReturnInput input);

  /** Sent with the start: answers once the return is done or refused. */
  @UpdateMethod(name = RETURNED)
  FlexitiReturnAnswer returned(String requestDigest);

  @UpdateValidatorMethod(updateName = RETURNED)
  void validateReturned(String requestDigest);

  @QueryMethod(name = FlowStatus.QUERY)
  FlowStatus status();
}
