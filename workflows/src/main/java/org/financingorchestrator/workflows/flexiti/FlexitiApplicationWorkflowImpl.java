package org.financingorchestrator.workflows.flexiti;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.Set;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.FlowRefusedException;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;

/**
 * Flexiti's credit application: serve the terms for the applicant's province, apply, and end
 * APPROVED with the account; a Quebec applicant is first shown the debt ratio and the offers and
 * must accept, a cancel or no answer closes the account (CANCELLED, EXPIRED). The applicant's data
 * is kept in the flow's state only until Flexiti has answered the application.
 */
public class FlexitiApplicationWorkflowImpl implements FlexitiApplicationWorkflow {

  static final Set<String> DECLINES = Set.of("declined", "application_declined", "not_approved");

  private final FlexitiActivities flexiti =
      Workflow.newActivityStub(FlexitiActivities.class, FlexitiActivityOptions.AT_THE_TILL);
  private final FlexitiActivities flexitiClose =
      Workflow.newActivityStub(FlexitiActivities.class, FlexitiActivityOptions.CLOSE_ACCOUNT);

  private final FlowJournal journal;
  private final String requestDigest;
  private final String merchantReference;
  private final String language;
  private final String province;
  private final boolean tosAgreement;
  private final Duration decisionWait;
  private final org.financingorchestrator.workflows.common.Money amountRequested;
  /** Dropped once Flexiti has answered the application. */
  private FlexitiApplicant applicant;
  private FlexitiAccount account;
  private Boolean accepted;
  private int clerkRounds;

  @WorkflowInit
  public FlexitiApplicationWorkflowImpl(FlexitiApplicationInput input) {
    FlexitiApplicationRequest request = input.request();
    this.journal =
        new FlowJournal(Workflow.getInfo().getWorkflowId(), FlexitiPurchaseWorkflow.PROVIDER, input.merchantId(),
            request.merchantReference(), request.amountRequested());
    this.requestDigest = FlexitiApplicationDigest.of(request);
    this.merchantReference = request.merchantReference();
    this.language = request.language();
    this.province = request.applicant().province();
    this.tosAgreement = request.tosAgreement();
    this.amountRequested = request.amountRequested();
    this.applicant = request.applicant();
    this.decisionWait = input.decisionWait();
  }

  @Override
  public FlowStatus run(FlexitiApplicationInput input) {
    journal.start(amountRequested.toString());
    try {
      if (apply() && quebec()) {
        awaitApplicant();
      }
    } finally {
      applicant = null;
      clerkRounds++;
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return journal.snapshot();
  }

  private boolean apply() {
    try {
      flexiti.termsAndConditions(province, language);
      journal.step("terms_and_conditions", FlexitiApplicant.QUEBEC.equals(province) ? "Quebec (QCPA)" : "rest of Canada");
      account = flexiti.apply(new FlexitiApplyCall(amountRequested, applicant, language, tosAgreement));
    } catch (ActivityFailure failure) {
      FlowFailure why = FlowFailure.from(failure);
      journal.fail(DECLINES.contains(why.code()) ? FlowState.DECLINED : FlowState.FAILED, "application_failed", why);
      return false;
    } finally {
      applicant = null;
    }
    journal.providerId("customerId", account.customerId());
    journal.providerId("accountNumber", account.accountNumber());
    return true;
  }

  /** True when the applicant must still accept (Quebec); otherwise approved at once. */
  private boolean quebec() {
    if (!FlexitiApplicant.QUEBEC.equals(province)) {
      approved("credit limit " + account.creditLimit());
      return false;
    }
    journal.moveTo(FlowState.AWAITING_SHOPPER, "debt_ratio_shown",
        "debt ratio " + account.debtRatio() + "; credit limit " + account.creditLimit() + "; " + account.offers().size() + " offers");
    clerkRounds++;
    return true;
  }

  private void awaitApplicant() {
    boolean answered = Workflow.await(decisionWait, () -> accepted != null);
    if (answered && accepted) {
      approved("accepted by the applicant; credit limit " + account.creditLimit());
      return;
    }
    // Flexiti requires the adjudicated account to be closed when the applicant does not take it.
    flexitiClose.closeAccount(account.accountNumber());
    journal.step("account_closed", "account " + account.accountNumber());
    if (answered) {
      journal.fail(FlowState.CANCELLED, "applicant_cancelled",
          FlowFailure.ofOrchestrator("applicant_cancelled", "The applicant cancelled; the account is closed"));
    } else {
      journal.fail(FlowState.EXPIRED, "decision_expired",
          FlowFailure.ofOrchestrator("decision_expired", "The applicant did not answer within " + decisionWait + "; the account is closed"));
    }
  }

  private void approved(String detail) {
    journal.moveTo(FlowState.APPROVED, "approved", detail);
  }

  @Override
  public void validateApplied(String requestDigest) {
    if (!this.requestDigest.equals(requestDigest)) {
      throw new FlowRefusedException.ReferenceInUse(
          "merchantReference", merchantReference + " is already used by a different Flexiti application");
    }
  }

  @Override
  public FlexitiApplicationAnswer applied(String requestDigest) {
    Workflow.await(() -> clerkRounds > 0);
    return application();
  }

  @Override
  public void validateApplicantDecision(boolean accepted) {
    if (journal.state() != FlowState.AWAITING_SHOPPER || this.accepted != null) {
      throw new FlowRefusedException.StateConflict("The application does not wait for the applicant's answer (" + journal.state() + ")");
    }
  }

  @Override
  public FlexitiApplicationAnswer applicantDecision(boolean accepted) {
    int round = clerkRounds;
    this.accepted = accepted;
    Workflow.await(() -> clerkRounds != round);
    return application();
  }

  @Override
  public FlexitiApplicationAnswer application() {
    FlowStatus status = journal.snapshot();
    return new FlexitiApplicationAnswer(status.flowId(), status.state(), account, status.failure());
  }

  @Override
  public FlowStatus status() {
    return journal.snapshot();
  }
}
