package org.financingorchestrator.workflows.flexiti;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.StepSummaries;
import org.financingorchestrator.workflows.common.FlowRefusedException;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.PendingEffect;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.Settlement;

/**
 * Flexiti's point-of-sale purchase: check the plan against the merchant's offer types, look the
 * customer up, verify them, post the transaction unconfirmed, show the terms, and confirm it with
 * the PUT once the customer accepts (POSTED). A refusal or no answer confirms nothing.
 *
 * <p>Personal data and secrets (the customer key, the security answer, the verification code) are
 * kept in the flow's state only until the call that needs them has answered, and never in its
 * status or answers.
 */
public class FlexitiPurchaseWorkflowImpl implements FlexitiPurchaseWorkflow {

  /** How many codes the clerk may enter for one purchase (the first one included). */
  static final int VERIFICATION_ATTEMPTS = 3;
  static final String WRONG_VERIFICATION_CODE = "wrong_verification_code";
  /** Flexiti's answers that mean "this customer cannot buy this": DECLINED with Flexiti's message. */
  static final Set<String> DECLINES =
      Set.of("user_not_active", "user_not_able_to_purchase", "not_enough_credit", "secret_answer_mismatch", "piw_mismatch");
  static final String CONFIRM_EFFECT = "confirm";

  private final FlexitiActivities flexiti =
      Workflow.newActivityStub(FlexitiActivities.class, FlexitiActivityOptions.AT_THE_TILL);
  private final FlexitiActivities flexitiLookUp =
      Workflow.newActivityStub(FlexitiActivities.class, FlexitiActivityOptions.LOOK_UP);

  private final FlowJournal journal;
  private final String requestDigest;
  /** The request without its personal data (customer key, security answer). */
  private final FlexitiPurchaseRequest request;
  private final Duration verificationWait;
  private final Duration confirmationWait;

  /** Dropped once the look-up has answered. */
  private FlexitiCustomerKey customerKey;
  /** Dropped once the verification has answered. */
  private String securityAnswer;
  /** Kept from the verification (or the clerk) until the confirmation has answered, then dropped. */
  private String verificationCode;

  private FlexitiCustomer customer;
  private FlexitiTerms postedTerms;
  private int codesEntered;
  private Boolean accepted;
  /** Counts the points where the flow waits for the clerk or has ended: each Update answers at the next one. */
  private int clerkRounds;

  @WorkflowInit
  public FlexitiPurchaseWorkflowImpl(FlexitiPurchaseInput input) {
    FlexitiPurchaseRequest asked = input.request();
    this.journal =
        new FlowJournal(
            Workflow.getInfo().getWorkflowId(), PROVIDER, input.merchantId(), asked.merchantReference(), asked.amount());
    this.requestDigest = FlexitiPurchaseDigest.of(asked);
    this.customerKey = asked.customer();
    this.securityAnswer = asked.securityAnswer();
    // What the rest of the flow needs of the request, without its personal data.
    this.request =
        new FlexitiPurchaseRequest(
            asked.merchantReference(), asked.amount(), null, asked.verification(), asked.securityQid(), null,
            asked.planId(), asked.term(), asked.holdAuthorization(), asked.language());
    this.verificationWait = input.verificationWait();
    this.confirmationWait = input.confirmationWait();
  }

  @Override
  public FlowStatus run(FlexitiPurchaseInput input) {
    journal.start(request.amount().toString());
    try {
      if (checkOffer() && lookUp() && verify() && post() && awaitCustomer()) {
        confirm();
      }
    } finally {
      verificationCode = null;
      clerkRounds++;
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return journal.snapshot();
  }

  // --- the steps --------------------------------------------------------------------------------

  private boolean checkOffer() {
    if (request.planId() == null) {
      return true;
    }
    List<FlexitiOffer> offers;
    try {
      offers = flexiti.merchantOffers(request.language());
    } catch (ActivityFailure failure) {
      return end(FlowState.FAILED, "merchant_login_failed", FlowFailure.from(failure));
    }
    Optional<FlexitiOffer> plan = offers.stream().filter(o -> o.planId().equals(request.planId())).findFirst();
    if (plan.isEmpty()) {
      return end(FlowState.FAILED, "plan_refused",
          FlowFailure.ofOrchestrator("plan_not_offered", "planId " + request.planId() + " is not one of the merchant's Flexiti offer types"));
    }
    if (request.term() == null || !plan.get().termOptions().contains(request.term())) {
      return end(FlowState.FAILED, "plan_refused",
          FlowFailure.ofOrchestrator("term_not_offered",
              "term " + request.term() + " is not one of " + plan.get().planName() + "'s terms " + plan.get().termOptions()));
    }
    journal.step("plan_checked", plan.get().planName() + ", " + request.term() + " months");
    return true;
  }

  private boolean lookUp() {
    String kind = customerKey.kind();
    try {
      customer = flexiti.lookUp(customerKey, request.language());
    } catch (ActivityFailure failure) {
      return endWithFlexitiAnswer("lookup_failed", failure);
    } finally {
      customerKey = null;
    }
    journal.providerId("customerId", customer.customerId());
    journal.step("customer_found", "by " + kind);
    return true;
  }

  private boolean verify() {
    FlexitiVerification verification;
    try {
      verification =
          flexiti.verify(new FlexitiVerifyCall(
              customer.customerId(), request.verification(), request.securityQid(), securityAnswer, request.language()));
    } catch (ActivityFailure failure) {
      return endWithFlexitiAnswer("verification_failed", failure);
    } finally {
      securityAnswer = null;
    }
    journal.step("verification_requested", request.verification().wireName());
    if (!request.verification().sendsCode()) {
      verificationCode = verification.code();
    }
    return true;
  }

  /** Posts unconfirmed; a wrong code sent to the customer lets the clerk enter another, up to the limit. */
  private boolean post() {
    while (true) {
      if (verificationCode == null && !awaitCode()) {
        return false;
      }
      try {
        postedTerms =
            StepSummaries.stub(FlexitiActivities.class, FlexitiActivityOptions.AT_THE_TILL, "post the purchase of " + amount() + " at Flexiti")
                .postTransaction(transaction(null));
        journal.providerId("transactionId", postedTerms.transactionId());
        return true;
      } catch (ActivityFailure failure) {
        FlowFailure why = FlowFailure.from(failure);
        if (WRONG_VERIFICATION_CODE.equals(why.code()) && request.verification().sendsCode() && attemptsLeft() > 0) {
          verificationCode = null;
          journal.step("verification_code_refused", attemptsLeft() + " attempts left");
          continue;
        }
        if (WRONG_VERIFICATION_CODE.equals(why.code())) {
          return end(FlowState.DECLINED, "verification_code_refused", why);
        }
        return endWithFlexitiAnswer("post_failed", failure);
      }
    }
  }

  private boolean awaitCode() {
    journal.moveTo(FlowState.AWAITING_VERIFICATION, "awaiting_verification_code",
        "sent by " + request.verification().wireName() + "; " + attemptsLeft() + " attempts left");
    clerkRounds++;
    if (!Workflow.await(verificationWait, () -> verificationCode != null)) {
      return end(FlowState.EXPIRED, "verification_expired",
          FlowFailure.ofOrchestrator("verification_expired", "No verification code was entered within " + verificationWait));
    }
    return true;
  }

  private boolean awaitCustomer() {
    journal.moveTo(FlowState.AWAITING_SHOPPER, "terms_shown", postedTerms.describe());
    clerkRounds++;
    if (!Workflow.await(confirmationWait, () -> accepted != null)) {
      return end(FlowState.EXPIRED, "confirmation_expired",
          FlowFailure.ofOrchestrator("confirmation_expired",
              "The customer did not answer the terms within " + confirmationWait + "; nothing was confirmed"));
    }
    if (!accepted) {
      return end(FlowState.CANCELLED, "customer_refused",
          FlowFailure.ofOrchestrator("customer_refused", "The customer refused the terms; nothing was confirmed"));
    }
    journal.step("customer_accepted", null);
    return true;
  }

  /**
   * Confirms with the PUT. A refusal is final; an answer that never came is settled by the
   * customer's transactions: posted there means posted.
   */
  private void confirm() {
    String transactionId = postedTerms.transactionId();
    journal.pending(new PendingEffect(CONFIRM_EFFECT, transactionId, request.amount(), null, now()));
    try {
      StepSummaries.stub(FlexitiActivities.class, FlexitiActivityOptions.CONFIRM, "confirm the purchase of " + amount() + " at Flexiti")
          .confirmTransaction(transaction(transactionId));
      journal.settled(CONFIRM_EFFECT, transactionId);
      posted(transactionId);
    } catch (ActivityFailure failure) {
      FlowFailure why = FlowFailure.from(failure);
      Optional<ProviderFailure> refusal = Settlement.refusal(failure);
      if (refusal.isPresent()) {
        journal.settled(CONFIRM_EFFECT, transactionId);
        endWithFlexitiAnswer("confirm_refused", failure);
        return;
      }
      journal.step("confirm_unanswered", why.code() + ": " + why.message());
      boolean found =
          Settlement.lookUp(
                  () -> flexitiLookUp.isPosted(customer.customerId(), transactionId),
                  lookUpFailed -> journal.step("confirm_lookup_failed", FlowFailure.from(lookUpFailed).message()),
                  FlexitiActivityOptions.LOOK_UP_PAUSE)
              .orElse(false);
      journal.settled(CONFIRM_EFFECT, transactionId);
      if (found) {
        posted(transactionId);
      } else {
        end(FlowState.FAILED, "confirm_failed",
            new FlowFailure(why.source(), FlowFailure.NOT_MADE,
                "Flexiti has not posted transaction " + transactionId + ": " + why.message(), why.httpStatus(), why.errorId()));
      }
    }
  }

  private void posted(String transactionId) {
    journal.capturedAmount(request.amount());
    journal.moveTo(FlowState.POSTED, "posted", "transaction " + transactionId);
  }

  private FlexitiTransactionCall transaction(String transactionId) {
    FlexitiTransactionCall call =
        new FlexitiTransactionCall(customer.customerId(), request.amount(), request.planId(), request.term(), verificationCode,
            request.holdAuthorization(), null, request.language());
    return transactionId == null ? call : call.confirming(transactionId);
  }

  /** Ends with Flexiti's own code and message: DECLINED for what the customer cannot do, FAILED otherwise. */
  private boolean endWithFlexitiAnswer(String stepName, ActivityFailure failure) {
    FlowFailure why = FlowFailure.from(failure);
    return end(DECLINES.contains(why.code()) ? FlowState.DECLINED : FlowState.FAILED, stepName, why);
  }

  private boolean end(FlowState state, String stepName, FlowFailure why) {
    journal.fail(state, stepName, why);
    return false;
  }

  private int attemptsLeft() {
    return VERIFICATION_ATTEMPTS - codesEntered;
  }

  // --- the clerk's Updates ------------------------------------------------------------------------

  @Override
  public void validateStarted(String requestDigest) {
    if (!this.requestDigest.equals(requestDigest)) {
      throw new FlowRefusedException.ReferenceInUse(
          "merchantReference", request.merchantReference() + " is already used by a different Flexiti purchase");
    }
  }

  @Override
  public FlexitiPurchaseAnswer started(String requestDigest) {
    Workflow.await(() -> clerkRounds > 0);
    return purchase();
  }

  @Override
  public void validateVerificationCode(String code) {
    if (journal.state() != FlowState.AWAITING_VERIFICATION || verificationCode != null) {
      throw new FlowRefusedException.StateConflict("The purchase does not wait for a verification code (" + journal.state() + ")");
    }
    if (code == null || !code.matches("[0-9]{4,8}")) {
      throw new FlowRefusedException.InvalidRequest("code", "must be the 4 to 8 digits the customer received");
    }
  }

  @Override
  public FlexitiPurchaseAnswer verificationCode(String code) {
    int round = clerkRounds;
    codesEntered++;
    verificationCode = code;
    journal.step("verification_code_entered", "attempt " + codesEntered);
    Workflow.await(() -> clerkRounds != round);
    return purchase();
  }

  @Override
  public void validateCustomerConfirmation(boolean accepted) {
    if (journal.state() != FlowState.AWAITING_SHOPPER || this.accepted != null) {
      throw new FlowRefusedException.StateConflict("The purchase does not wait for the customer's answer (" + journal.state() + ")");
    }
  }

  @Override
  public FlexitiPurchaseAnswer customerConfirmation(boolean accepted) {
    int round = clerkRounds;
    this.accepted = accepted;
    Workflow.await(() -> clerkRounds != round);
    return purchase();
  }

  @Override
  public FlexitiPurchaseAnswer purchase() {
    FlowStatus status = journal.snapshot();
    boolean waitsForCode = status.state() == FlowState.AWAITING_VERIFICATION;
    return new FlexitiPurchaseAnswer(
        status.flowId(), status.state(), postedTerms, status.providerIds().get("transactionId"),
        waitsForCode ? attemptsLeft() : null, status.failure());
  }

  @Override
  public FlowStatus status() {
    return journal.snapshot();
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private String amount() {
    return StepSummaries.amount(request.amount());
  }
}
