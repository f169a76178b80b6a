package org.financingorchestrator.workflows.chargeafter;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.RefundableFlow;

/**
 * One ChargeAfter send-link: send the link, wait for the consumer's final postback (data-update
 * postbacks refresh what is known meanwhile), ask the status request when no postback came in
 * time, end APPROVED, CANCELLED, DECLINED, FAILED, PENDING or EXPIRED. Its workflow id is
 * {@code chargeafter-<merchantId>-<merchantOrderId>}. It holds no payment, so the shared refund
 * Update is refused.
 *
 * <p>Postbacks are Updates, not Signals: the validator refuses a postback that would change
 * nothing (a repeated final postback, any postback after the flow decided, a data update equal to
 * the last) before anything is written, so repeats never grow the history, and the API learns
 * at once that the flow has it (it answers ChargeAfter 200 then).
 */
@WorkflowInterface
public interface ChargeAfterSendLinkWorkflow extends RefundableFlow {

  // Update and Query names, for clients that send them by name (untyped stubs, Update-with-Start).
  String OUTCOME = "outcome";
  String MERCHANT_PAGES = "merchantPages";

  String PROVIDER = "chargeafter";
  String TYPE = "ChargeAfterSendLink";
  /** Where send-links run; the worker's worker.yaml names it too (a test holds both equal). */
  String TASK_QUEUE = "chargeafter-send-links";
  /** The Update sent with the start: the request's digest, not the request. */
  String LINK_SENT = "linkSent";
  String FINAL_POSTBACK = "finalPostback";
  String DATA_UPDATE_POSTBACK = "dataUpdatePostback";
  /** Data updates one flow takes; more are acknowledged and ignored, so history stays bounded. */
  int MAX_DATA_UPDATES = 20;

  @WorkflowMethod(name = TYPE)
  FlowStatus run(ChargeAfterSendLinkInput input);

  /**
   * Answers once ChargeAfter accepted the send-link (its statusTrackingId, and the link for
   * sendUsing redirectUrl), or fails with why not. The digest must be the flow's own request's:
   * a merchantOrderId reused for another send-link is refused.
   */
  @UpdateMethod(name = LINK_SENT)
  ChargeAfterLinkCreated linkSent(String requestDigest);

  @UpdateValidatorMethod(updateName = LINK_SENT)
  void validateLinkSent(String requestDigest);

  /** The final postback (already authenticated by the API); the first one decides. */
  @UpdateMethod(name = FINAL_POSTBACK)
  void finalPostback(ChargeAfterPostback postback);

  /** Refuses, writing nothing, a final postback after the flow has one or has decided. */
  @UpdateValidatorMethod(updateName = FINAL_POSTBACK)
  void validateFinalPostback(ChargeAfterPostback postback);

  /** A data-update postback: refreshes the consumer and credit details while the flow waits. */
  @UpdateMethod(name = DATA_UPDATE_POSTBACK)
  void dataUpdatePostback(ChargeAfterPostback postback);

  /** Refuses, writing nothing, a data update after the decision, one equal to the last, or too many. */
  @UpdateValidatorMethod(updateName = DATA_UPDATE_POSTBACK)
  void validateDataUpdatePostback(ChargeAfterPostback postback);

  @QueryMethod(name = FlowStatus.QUERY)
  FlowStatus status();

  /** The session's outcome for the merchant (token, lender, credit, consumer details, error). */
  @QueryMethod(name = OUTCOME)
  ChargeAfterOutcome outcome();

  /** The merchant's pages, where the consumer's browser is forwarded. */
  @QueryMethod(name = MERCHANT_PAGES)
  ChargeAfterMerchantPages merchantPages();
}
