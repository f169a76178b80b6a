package org.financingorchestrator.workflows.flexiti;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.StepSummaries;
import org.financingorchestrator.workflows.common.FlowRefusedException;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.PendingEffect;
import org.financingorchestrator.workflows.common.Settlement;

/**
 * Flexiti's return: the customer's purchases are listed first (none: Flexiti's no_returns_found),
 * the purchase must be there with at least the amount left, then the return is posted (REFUNDED).
 * A return whose answer never came is settled by listing the purchases again: its balance down by
 * the amount means it was made.
 */
public class FlexitiReturnWorkflowImpl implements FlexitiReturnWorkflow {

  static final String NO_RETURNS_FOUND = "no_returns_found";
  /**
   * Returns were posted by an activity Temporal retried, so an answer lost after the return was
   * made posted it again; since this version the post is sent once, and again only when the
   * purchase's balance shows it was not made.
   */
  static final String POST_RETURN_ONCE = "post-return-once";

  private final FlexitiActivities flexiti =
      Workflow.newActivityStub(FlexitiActivities.class, FlexitiActivityOptions.AT_THE_TILL);
  private final FlexitiActivities flexitiLookUp =
      Workflow.newActivityStub(FlexitiActivities.class, FlexitiActivityOptions.LOOK_UP);

  private final FlowJournal journal;
  private final String requestDigest;
  private final String merchantReference;
  private final String transactionId;
  private final Money amount;
  private final String language;
  /** Dropped once the look-up has answered. */
  private FlexitiCustomerKey customerKey;
  private String returnTransactionId;
  private boolean ended;

  @WorkflowInit
  public FlexitiReturnWorkflowImpl(FlexitiReturnInput input) {
    FlexitiReturnRequest request = input.request();
    this.journal = new FlowJournal(Workflow.getInfo().getWorkflowId(), FlexitiPurchaseWorkflow.PROVIDER, input.merchantId(),
        request.merchantReference(), request.amount());
    this.requestDigest = FlexitiPurchaseDigest.ofReturn(request);
    this.merchantReference = request.merchantReference();
    this.transactionId = request.transactionId();
    this.amount = request.amount();
    this.language = request.language();
    this.customerKey = request.customer();
  }

  @Override
  public FlowStatus run(FlexitiReturnInput input) {
    journal.start(amount.toString());
    try {
      returnPurchase();
    } finally {
      customerKey = null;
      ended = true;
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return journal.snapshot();
  }

  private void returnPurchase() {
    FlexitiCustomer customer;
    Money balanceBefore;
    try {
      customer = flexiti.lookUp(customerKey, language);
      customerKey = null;
      journal.providerId("customerId", customer.customerId());
      Optional<FlexitiPurchase> purchase = returnable(flexiti.purchases(customer.customerId()));
      if (purchase.isEmpty()) {
        return;
      }
      balanceBefore = purchase.get().balance();
    } catch (ActivityFailure failure) {
      journal.fail(FlowState.FAILED, "return_refused", FlowFailure.from(failure));
      return;
    }
    journal.providerId("transactionId", transactionId);
    journal.pending(new PendingEffect(PendingEffect.REFUND, merchantReference, amount, null, now()));
    boolean once = Workflow.getVersion(POST_RETURN_ONCE, Workflow.DEFAULT_VERSION, 1) == 1;
    FlexitiReturnCall call = new FlexitiReturnCall(customer.customerId(), transactionId, amount, language);
    for (int post = 1; ; post++) {
      try {
        returnTransactionId =
            StepSummaries.stub(
                    FlexitiActivities.class,
                    once ? FlexitiActivityOptions.ONCE : FlexitiActivityOptions.AT_THE_TILL,
                    "return " + StepSummaries.amount(amount) + " at Flexiti")
                .postReturn(call);
        journal.settled(PendingEffect.REFUND, merchantReference);
        returned();
        return;
      } catch (ActivityFailure failure) {
        FlowFailure why = FlowFailure.from(failure);
        if (Settlement.refusal(failure).isPresent()) {
          journal.settled(PendingEffect.REFUND, merchantReference);
          journal.fail(FlowState.FAILED, "return_refused", why);
          return;
        }
        journal.step("return_unanswered", why.code() + ": " + why.message());
        Money left =
            Settlement.lookUp(
                    () -> balanceOf(flexitiLookUp.purchases(customer.customerId())),
                    lookUpFailed -> journal.step("return_lookup_failed", FlowFailure.from(lookUpFailed).message()),
                    FlexitiActivityOptions.LOOK_UP_PAUSE)
                .orElse(Money.zero(amount.currency()));
        if (left.equals(balanceBefore.minus(amount))) {
          journal.settled(PendingEffect.REFUND, merchantReference);
          returned();
          return;
        }
        if (once && left.equals(balanceBefore) && post < FlexitiActivityOptions.RETURN_POSTS) {
          // Not made: sending it again cannot return twice.
          journal.step("return_not_made", "sent again");
          Workflow.sleep(Duration.ofSeconds(1L << post));
          continue;
        }
        journal.settled(PendingEffect.REFUND, merchantReference);
        journal.fail(FlowState.FAILED, "return_failed",
            new FlowFailure(why.source(), FlowFailure.NOT_MADE, "Flexiti has not made the return: " + why.message(), why.httpStatus(), why.errorId()));
        return;
      }
    }
  }

  /** The purchase to return, if it is listed with enough left; otherwise the flow has ended. */
  private Optional<FlexitiPurchase> returnable(List<FlexitiPurchase> purchases) {
    if (purchases.isEmpty()) {
      journal.fail(FlowState.FAILED, "return_refused", new FlowFailure(FlexitiPurchaseWorkflow.PROVIDER, NO_RETURNS_FOUND,
          "There are no purchases available to return for this customer.", 409, null));
      return Optional.empty();
    }
    Optional<FlexitiPurchase> purchase = purchases.stream().filter(p -> p.transactionId().equals(transactionId)).findFirst();
    if (purchase.isEmpty()) {
      journal.fail(FlowState.FAILED, "return_refused",
          FlowFailure.ofOrchestrator("purchase_not_found", "transaction " + transactionId + " is not one of the customer's purchases"));
      return Optional.empty();
    }
    if (amount.isGreaterThan(purchase.get().balance())) {
      journal.fail(FlowState.FAILED, "return_refused",
          FlowFailure.ofOrchestrator("amount_exceeds_balance", "The return " + amount + " is more than what is left of the purchase, " + purchase.get().balance()));
      return Optional.empty();
    }
    journal.step("purchase_found", "transaction " + transactionId + ", balance " + purchase.get().balance());
    return purchase;
  }

  private Money balanceOf(List<FlexitiPurchase> purchases) {
    return purchases.stream().filter(p -> p.transactionId().equals(transactionId)).map(FlexitiPurchase::balance)
        .findFirst().orElse(Money.zero(amount.currency()));
  }

  private void returned() {
    journal.providerId("returnTransactionId", returnTransactionId == null ? "settled" : returnTransactionId);
    journal.moveTo(FlowState.REFUNDED, "returned", amount + " of transaction " + transactionId);
  }

  @Override
  public void validateReturned(String requestDigest) {
    if (!this.requestDigest.equals(requestDigest)) {
      throw new FlowRefusedException.ReferenceInUse(
          "merchantReference", merchantReference + " is already used by a different Flexiti return");
    }
  }

  @Override
  public FlexitiReturnAnswer returned(String requestDigest) {
    Workflow.await(() -> ended);
    FlowStatus status = journal.snapshot();
    return new FlexitiReturnAnswer(status.flowId(), status.state(), status.providerIds().get("returnTransactionId"), status.failure());
  }

  @Override
  public FlowStatus status() {
    return journal.snapshot();
  }

  private static java.time.Instant now() {
    return java.time.Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
