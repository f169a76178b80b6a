package org.financingorchestrator.workflows.afterpay;

import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Optional;
import org.financingorchestrator.workflows.common.AfterSale;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.FlowRefusedException;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.RefundRequest;

/**
 * LEGACY: how flows started before version 1 of "settle-unknown-outcomes" capture and refund,
 * kept exactly as they ran so that their histories replay (a refund's requestId drawn per call, a
 * failure reported as failed, the mismatch refunded once). Only runs whose
 * {@code Workflow.getVersion} answered the default version take these paths; delete them when no
 * such flow can still run (see README, "Versions kept for running flows").
 */
record AfterpayLegacyPaths(FlowJournal journal, AfterSale afterSale, AfterpayCheckoutRequest request) {

  /**
   * Captures by token. A final refusal ends the flow; when retries ran out without an answer,
   * Afterpay is asked once for the token's payment before giving up.
   */
  Optional<AfterpayPayment> capture(String token) {
    try {
      return Optional.of(activities(AfterpayActivityOptions.CAPTURE).capture(token, request.merchantReference()));
    } catch (ActivityFailure failure) {
      Optional<ProviderFailure> refusal = ProviderFailure.from(failure).filter(f -> !f.retryable());
      if (refusal.isPresent()) {
        ProviderFailure refused = refusal.get();
        journal.fail(
            refused.httpStatus() == 402 ? FlowState.DECLINED : FlowState.FAILED,
            "capture_refused",
            FlowFailure.of(refused));
        return Optional.empty();
      }
      journal.step("capture_unanswered", FlowFailure.from(failure).message());
      AfterpayPayment found;
      try {
        found = activities(AfterpayActivityOptions.STANDARD).findPaymentByToken(token);
      } catch (ActivityFailure lookupFailure) {
        found = null;
      }
      if (found == null) {
        journal.fail(FlowState.FAILED, "capture_failed", FlowFailure.from(failure));
        return Optional.empty();
      }
      journal.step("capture_found", "payment " + found.id() + " " + found.status());
      return Optional.of(found);
    }
  }

  /** Afterpay captured another total than the order's: one refund of all of it, reported as it ended. */
  void refundMismatchedCapture(AfterpayPayment captured, String mismatch) {
    journal.step("amount_mismatch", mismatch);
    try {
      RefundRecord refund =
          activities(AfterpayActivityOptions.STANDARD).refund(
              new AfterpayRefundCall(
                  captured.id(), Workflow.randomUUID().toString(), captured.totalAmount(), request.merchantReference()));
      journal.step("refunded", refund.amount() + " refund " + refund.refundId());
      journal.fail(
          FlowState.FAILED, "amount_mismatch", FlowFailure.ofOrchestrator("amount_mismatch", mismatch + "; refunded in full"));
    } catch (ActivityFailure failure) {
      journal.fail(FlowState.FAILED, "amount_mismatch", AfterpayCheckoutWorkflowImpl.mismatchRefundFailed(mismatch, FlowFailure.from(failure)));
    }
  }

  /** A reference was optional, and a refusal of the same reference with another amount a plain one. */
  void validateRefund(RefundRequest refund) {
    afterSale.requireRefundable(refund);
    Optional<RefundRecord> earlier = afterSale.refundByReference(refund.merchantReference());
    if (earlier.isPresent()) {
      if (!earlier.get().amount().equals(refund.amount())) {
        throw new FlowRefusedException.InvalidRequest(
            "merchantReference", refund.merchantReference() + " already refunded " + earlier.get().amount());
      }
      return;
    }
    if (afterSale.isInFlight(refund.merchantReference())) {
      return;
    }
    afterSale.requireLeftToRefund(refund);
  }

  /** One attempt series with a requestId drawn per call; a failure fails the Update. */
  RefundRecord refund(RefundRequest refund, String paymentId) {
    String reference = refund.merchantReference();
    if (reference != null) {
      // A repeat of a refund still in flight waits for it and answers the same record.
      Workflow.await(() -> !afterSale.isInFlight(reference));
      Optional<RefundRecord> earlier = afterSale.refundByReference(reference);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    afterSale.requireNotOverLeft(refund.amount());
    afterSale.reserve(reference, refund.amount());
    String requestId = Workflow.randomUUID().toString();
    journal.step("refund_requested", refund.amount() + " requestId " + requestId);
    try {
      RefundRecord confirmed =
          activities(AfterpayActivityOptions.STANDARD).refund(new AfterpayRefundCall(paymentId, requestId, refund.amount(), reference));
      journal.refunded(confirmed);
      return confirmed;
    } catch (ActivityFailure failure) {
      FlowFailure why = FlowFailure.from(failure);
      journal.step("refund_failed", why.code() + ": " + why.message());
      throw why.toApplicationFailure();
    } finally {
      afterSale.release(reference, refund.amount());
    }
  }

  /** The activities with the options of then; a stub issues no command. */
  private static AfterpayActivities activities(ActivityOptions options) {
    return Workflow.newActivityStub(AfterpayActivities.class, options);
  }
}
