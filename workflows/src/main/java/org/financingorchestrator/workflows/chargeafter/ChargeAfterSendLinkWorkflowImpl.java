package org.financingorchestrator.workflows.chargeafter;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowJournal;
import org.financingorchestrator.workflows.common.StepSummaries;
import org.financingorchestrator.workflows.common.FlowRefusedException;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.RefundRequest;

/**
 * ChargeAfter's send-link: send the link; wait for the final postback up to the configured wait;
 * then ask the status request, backing off, until it reports an end or the deadline passes
 * (EXPIRED). Whichever arrives first decides, once: a postback that comes while the flow polls
 * wins, and one that comes after the decision is refused by the validator (nothing written). A
 * send-link that failed fails the run, so the merchant's order id can start again.
 */
public class ChargeAfterSendLinkWorkflowImpl implements ChargeAfterSendLinkWorkflow {

  static final String BY_POSTBACK = "postback";
  static final String BY_STATUS_REQUEST = "status_request";

  private final ChargeAfterActivities statusRequests =
      Workflow.newActivityStub(ChargeAfterActivities.class, ChargeAfterActivityOptions.STATUS);

  private final ChargeAfterSendLinkInput input;
  private final ChargeAfterSendLinkRequest request;
  private final FlowJournal journal;
  private String requestDigest;

  private ChargeAfterLinkSent link;
  private FlowFailure sendFailure;
  /** The postback (or status answer) that decided; null until one came. */
  private ChargeAfterPostback decisive;
  private String decidedBy;
  private ChargeAfterPostback lastDataUpdate;
  private int dataUpdates;
  /** What ChargeAfter reported so far, data updates and final alike. */
  private ChargeAfterPostback known;

  @WorkflowInit
  public ChargeAfterSendLinkWorkflowImpl(ChargeAfterSendLinkInput input) {
    this.input = input;
    this.request = input.request();
    this.journal =
        new FlowJournal(
            Workflow.getInfo().getWorkflowId(), PROVIDER, input.merchantId(), request.merchantOrderId(), request.amount());
  }

  @Override
  public FlowStatus run(ChargeAfterSendLinkInput input) {
    journal.start(request.flow() + " by " + request.sendUsing());
    try {
      link =
          StepSummaries.stub(
                  ChargeAfterActivities.class,
                  ChargeAfterActivityOptions.SEND_LINK,
                  "send the " + request.flow() + " link for " + StepSummaries.amount(request.amount()) + " at ChargeAfter")
              .sendLink(new ChargeAfterSendLinkCall(request, input.callbacks()));
    } catch (ActivityFailure failure) {
      sendFailure = FlowFailure.from(failure);
      journal.fail(FlowState.FAILED, "send_link_failed", sendFailure);
      // Nothing exists at ChargeAfter: a failed run lets the same merchantOrderId start again.
      Workflow.await(Workflow::isEveryHandlerFinished);
      throw sendFailure.toApplicationFailure();
    }
    journal.providerId("statusTrackingId", link.statusTrackingId());
    journal.moveTo(FlowState.AWAITING_SHOPPER, "link_sent", "sendUsing " + request.sendUsing());
    ChargeAfterWaits waits = input.waits();
    Instant deadline = now().plus(waits.deadline());
    Duration postbackWait = min(waits.postbackWait(), waits.deadline());
    if (!Workflow.await(postbackWait, () -> decisive != null)) {
      journal.step("postback_overdue", "asking the status request");
      pollStatus(waits, deadline);
    }
    if (decisive == null) {
      journal.fail(
          FlowState.EXPIRED,
          "expired",
          FlowFailure.ofOrchestrator(
              "send_link_expired", "No final postback and no end from the status request by " + deadline));
    } else {
      decide();
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return journal.snapshot();
  }

  /** Asks the status request, pausing longer each time, until an end, a postback or the deadline. */
  private void pollStatus(ChargeAfterWaits waits, Instant deadline) {
    Duration pause = waits.firstStatusPoll();
    boolean lastFailed = false;
    while (decisive == null && now().isBefore(deadline)) {
      try {
        ChargeAfterSessionStatus status = statusRequests.sessionStatus(link.statusTrackingId());
        lastFailed = false;
        // A postback that arrived while the request was out has decided already: it wins.
        if (status.ended() && status.result() != null && decisive == null) {
          take(status.result(), BY_STATUS_REQUEST);
          journal.step("status_request_ended", outcomeCode(status.result()));
          return;
        }
      } catch (ActivityFailure failure) {
        if (!lastFailed) {
          FlowFailure why = FlowFailure.from(failure);
          journal.step("status_request_failed", why.code() + ": " + why.message());
        }
        lastFailed = true;
      }
      Duration left = Duration.between(now(), deadline);
      if (left.isNegative() || left.isZero()) {
        return;
      }
      Workflow.await(min(pause, left), () -> decisive != null);
      pause = min(pause.multipliedBy(2), waits.maxStatusPoll());
    }
  }

  private void take(ChargeAfterPostback postback, String source) {
    decisive = postback;
    decidedBy = source;
    known = postback;
  }

  /** The documented codes to the flow's end states; an approval of a checkout needs its token. */
  private void decide() {
    ChargeAfterError error = decisive.error();
    providerIds(decisive);
    if (error == null) {
      if (request.checkout() && (decisive.token() == null || decisive.token().isBlank())) {
        journal.fail(
            FlowState.FAILED,
            "approved_without_token",
            FlowFailure.ofOrchestrator("missing_token", "ChargeAfter reported an approved checkout without a token"));
        return;
      }
      journal.moveTo(FlowState.APPROVED, "approved", decisive.lender() == null ? null : "lender " + decisive.lender().id());
      return;
    }
    FlowFailure why = new FlowFailure(PROVIDER, error.code(), error.message(), null, null);
    journal.fail(endFor(error.code()), "ended_" + (error.code() == null ? "without_code" : error.code().toLowerCase()), why);
  }

  static FlowState endFor(String code) {
    if (code == null) {
      return FlowState.FAILED;
    }
    return switch (code) {
      case "BACK_TO_STORE", "CONSUMER_CANCELLED" -> FlowState.CANCELLED;
      case "PENDING" -> FlowState.PENDING;
      // The document names no decline code; a consumer no lender approved ends with GENERAL.
      case "GENERAL" -> FlowState.DECLINED;
      // CREATE_SESSION_FAILED, BILLING_SHIPPING_MISMATCH, MISSING_CHECKOUT_DATA, CREATE_CHECKOUT_FAILED, unknown
      default -> FlowState.FAILED;
    };
  }

  private void providerIds(ChargeAfterPostback postback) {
    if (postback.applicationId() != null) {
      journal.providerId("applicationId", postback.applicationId());
    }
    if (postback.consumerId() != null) {
      journal.providerId("consumerId", postback.consumerId());
    }
    if (postback.lender() != null && postback.lender().id() != null) {
      journal.providerId("lenderId", postback.lender().id());
    }
  }

  private static String outcomeCode(ChargeAfterPostback postback) {
    return postback.error() == null ? "approved" : postback.error().code();
  }

  // --- the start ------------------------------------------------------------------------------

  @Override
  public ChargeAfterLinkCreated linkSent(String requestDigest) {
    Workflow.await(() -> link != null || sendFailure != null);
    if (link == null) {
      throw sendFailure.toApplicationFailure();
    }
    return new ChargeAfterLinkCreated(link.statusTrackingId(), link.redirectUrl(), journal.state());
  }

  @Override
  public void validateLinkSent(String requestDigest) {
    if (this.requestDigest == null) {
      this.requestDigest = ChargeAfterRequestDigest.of(request);
    }
    if (!this.requestDigest.equals(requestDigest)) {
      throw new FlowRefusedException.ReferenceInUse(
          "merchantOrderId", request.merchantOrderId() + " is already used by a different ChargeAfter send-link");
    }
  }

  // --- postbacks ------------------------------------------------------------------------------

  @Override
  public void validateFinalPostback(ChargeAfterPostback postback) {
    if (postback == null) {
      throw new FlowRefusedException.InvalidRequest("$", "a postback body is required");
    }
    if (decisive != null || journal.state() != FlowState.AWAITING_SHOPPER && journal.state() != FlowState.STARTED) {
      throw new FlowRefusedException.StateConflict("This send-link has decided already; the postback changes nothing");
    }
  }

  @Override
  public void finalPostback(ChargeAfterPostback postback) {
    take(postback, BY_POSTBACK);
    journal.step("final_postback", outcomeCode(postback));
  }

  @Override
  public void validateDataUpdatePostback(ChargeAfterPostback postback) {
    if (postback == null) {
      throw new FlowRefusedException.InvalidRequest("$", "a postback body is required");
    }
    if (decisive != null || journal.state() != FlowState.AWAITING_SHOPPER && journal.state() != FlowState.STARTED) {
      throw new FlowRefusedException.StateConflict("This send-link has decided already; the data update changes nothing");
    }
    if (postback.equals(lastDataUpdate)) {
      throw new FlowRefusedException.StateConflict("The same data update again changes nothing");
    }
    if (dataUpdates >= MAX_DATA_UPDATES) {
      throw new FlowRefusedException.StateConflict("This send-link has taken " + MAX_DATA_UPDATES + " data updates");
    }
  }

  @Override
  public void dataUpdatePostback(ChargeAfterPostback postback) {
    lastDataUpdate = postback;
    dataUpdates++;
    known = merge(known, postback);
    journal.step("data_updated", null);
  }

  /** A data update refreshes what it carries and keeps what it does not. */
  private static ChargeAfterPostback merge(ChargeAfterPostback before, ChargeAfterPostback update) {
    if (before == null) {
      return update;
    }
    return new ChargeAfterPostback(
        or(update.statusTrackingId(), before.statusTrackingId()),
        or(update.applicationId(), before.applicationId()),
        or(update.correlationId(), before.correlationId()),
        or(update.tags(), before.tags()),
        or(update.token(), before.token()),
        or(update.consumerId(), before.consumerId()),
        or(update.availableCredit(), before.availableCredit()),
        or(update.consumerDetails(), before.consumerDetails()),
        or(update.lender(), before.lender()),
        or(update.orderInfo(), before.orderInfo()),
        or(update.error(), before.error()));
  }

  private static <T> T or(T value, T otherwise) {
    return value != null ? value : otherwise;
  }

  // --- refunds: none ----------------------------------------------------------------------------

  @Override
  public void validateRefund(RefundRequest refund) {
    throw new FlowRefusedException.StateConflict("A ChargeAfter send-link holds no payment to refund");
  }

  @Override
  public RefundRecord refund(RefundRequest refund) {
    throw new FlowRefusedException.StateConflict("A ChargeAfter send-link holds no payment to refund");
  }

  // --- queries --------------------------------------------------------------------------------

  @Override
  public FlowStatus status() {
    return journal.snapshot();
  }

  @Override
  public ChargeAfterOutcome outcome() {
    ChargeAfterPostback seen = decisive != null ? decisive : known;
    String statusTrackingId = link == null ? null : link.statusTrackingId();
    if (seen == null) {
      return new ChargeAfterOutcome(journal.state(), statusTrackingId, null, null, null, null, List.of(), null, null, null, null);
    }
    return new ChargeAfterOutcome(
        journal.state(),
        statusTrackingId,
        decisive == null ? null : decisive.token(),
        seen.applicationId(),
        seen.consumerId(),
        seen.lender(),
        seen.availableCredit() == null ? List.of() : seen.availableCredit(),
        seen.orderInfo(),
        seen.consumerDetails(),
        decisive == null ? null : decisive.error(),
        decidedBy);
  }

  @Override
  public ChargeAfterMerchantPages merchantPages() {
    return new ChargeAfterMerchantPages(request.redirectOnSuccessUrl(), request.redirectOnFailureUrl());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
