package org.financingorchestrator.workflows.flexiti;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.financingorchestrator.workflows.common.FlowStatus;

/**
 * One Flexiti credit application: the terms for the applicant's province, apply, and for a Quebec
 * applicant the debt ratio shown and their answer awaited (cancel or no answer closes the account).
 * Its workflow id is {@code flexiti-<merchantId>-<merchantReference>}, on the purchases' task queue.
 */
@WorkflowInterface
public interface FlexitiApplicationWorkflow {

  // Update and Query names, for clients that send them by name (untyped stubs, Update-with-Start).
  String APPLIED = "applied";
  String APPLICANT_DECISION = "applicantDecision";
  String APPLICATION = "application";

  String TYPE = "FlexitiApplication";

  @WorkflowMethod(name = TYPE)
  FlowStatus run(FlexitiApplicationInput input);

  /** Sent with the start: answers once approved, waiting for a Quebec applicant, or ended. */
  @UpdateMethod(name = APPLIED)
  FlexitiApplicationAnswer applied(String requestDigest);

  @UpdateValidatorMethod(updateName = APPLIED)
  void validateApplied(String requestDigest);

  /** A Quebec applicant accepts (true) or cancels the adjudicated account; answers once done. */
  @UpdateMethod(name = APPLICANT_DECISION)
  FlexitiApplicationAnswer applicantDecision(boolean accepted);

  @UpdateValidatorMethod(updateName = APPLICANT_DECISION)
  void validateApplicantDecision(boolean accepted);

  @QueryMethod(name = APPLICATION)
  FlexitiApplicationAnswer application();

  @QueryMethod(name = FlowStatus.QUERY)
  FlowStatus status();
}
