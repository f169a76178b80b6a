package org.financingorchestrator.api.chargeafter;

import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.common.CallbacksProperties;
import org.financingorchestrator.api.common.FlowClosedException;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.FlowStart;
import org.financingorchestrator.api.common.FlowUpdateSender;
import org.financingorchestrator.api.common.UpdateFailure;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterCallbacks;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterLinkCreated;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterMerchantPages;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterOutcome;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterPostback;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterRequestDigest;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkInput;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkRequest;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.financingorchestrator.workflows.common.FlowRefusal;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The client of ChargeAfter send-link flows: starts them (Update-with-Start by merchantOrderId),
 * hands them ChargeAfter's postbacks as Updates, and reads their outcome and the merchant's pages
 * (Queries, answered also once a flow has ended).
 */
@Service
public class ChargeAfterSendLinkClient {

  static final String FINAL_POSTBACK = "final-postback";
  static final String DATA_UPDATE_POSTBACK = "data-update-postback";
  static final String SUCCESS = "success";
  static final String FAILURE = "failure";

  private final WorkflowClient client;
  private final ChargeAfterFlowProperties properties;
  private final CallbacksProperties callbacks;
  private final CallbackSignatures signatures;
  private final ChargeAfterPostbackKeys keys;
  private final FlowUpdateSender updates;

  public ChargeAfterSendLinkClient(
      WorkflowClient client,
      ChargeAfterFlowProperties properties,
      CallbacksProperties callbacks,
      CallbackSignatures signatures,
      ChargeAfterPostbackKeys keys,
      FlowUpdateSender updates) {
    this.client = client;
    this.properties = properties;
    this.callbacks = callbacks;
    this.signatures = signatures;
    this.keys = keys;
    this.updates = updates;
  }

  /**
   * Starts the flow and waits for ChargeAfter's statusTrackingId. The same merchantOrderId again
   * attaches to the running flow (the same session); another send-link under it is refused (409).
   */
  public SendLinkCreated start(String merchantId, ChargeAfterSendLinkRequest request) {
    String flowId = FlowIds.of(ChargeAfterSendLinkWorkflow.PROVIDER, merchantId, request.merchantOrderId());
    ChargeAfterSendLinkInput input = new ChargeAfterSendLinkInput(request, callbacksFor(flowId, request), properties.waits(), merchantId);
    FlowStart start =
        new FlowStart(
            flowId,
            ChargeAfterSendLinkWorkflow.TYPE,
            properties.taskQueue(),
            ChargeAfterSendLinkWorkflow.PROVIDER,
            merchantId,
            request.merchantOrderId(),
            request.amount(),
            "ChargeAfter " + request.flow() + " send-link",
            "Sends the consumer ChargeAfter's link, then waits for the lender's decision: ChargeAfter's postback, or"
                + " its status request once the postback is overdue.",
            input);
    ChargeAfterLinkCreated created =
        updates.start(
            start, ChargeAfterSendLinkWorkflow.LINK_SENT, ChargeAfterLinkCreated.class,
            ChargeAfterRequestDigest.of(request), properties.linkWait());
    return new SendLinkCreated(
        flowId, ChargeAfterSendLinkWorkflow.PROVIDER, created.state(), created.statusTrackingId(), created.redirectUrl());
  }

  /** Our redirect endpoints only for the pages the merchant gave: without one ChargeAfter shows its own. */
  private ChargeAfterCallbacks callbacksFor(String flowId, ChargeAfterSendLinkRequest request) {
    String provider = ChargeAfterSendLinkWorkflow.PROVIDER;
    return new ChargeAfterCallbacks(
        postbackUrl(flowId, FINAL_POSTBACK),
        postbackUrl(flowId, DATA_UPDATE_POSTBACK),
        request.redirectOnSuccessUrl() == null ? null : signatures.callbackUrl(provider, flowId, SUCCESS),
        request.redirectOnFailureUrl() == null ? null : signatures.callbackUrl(provider, flowId, FAILURE),
        keys.keyFor(flowId));
  }

  /** Postback URLs carry no sig: ChargeAfter authenticates with the flow's Bearer key instead. */
  private String postbackUrl(String flowId, String kind) {
    return UriComponentsBuilder.fromUri(callbacks.publicBaseUrl())
        .pathSegment("v1", "callbacks", ChargeAfterSendLinkWorkflow.PROVIDER, flowId, kind)
        .encode()
        .build()
        .toUriString();
  }

  /**
   * Hands an authenticated postback to its flow: {@code taken} once Temporal has it; a postback that
   * would change nothing is refused by the flow's validator (nothing written): {@code unchanged};
   * a flow that has ended: {@code ended}.
   */
  String postback(String flowId, boolean finalPostback, ChargeAfterPostback postback) {
    ChargeAfterSendLinkWorkflow flow = client.newWorkflowStub(ChargeAfterSendLinkWorkflow.class, flowId);
    UpdateOptions<Void> options = UpdateOptions.<Void>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build();
    try {
      updates.send(
          flowId,
          () ->
              finalPostback
                  ? WorkflowClient.startUpdate(flow::finalPostback, postback, options)
                  : WorkflowClient.startUpdate(flow::dataUpdatePostback, postback, options),
          properties.postbackAnswerWait());
      return PostbackReceived.TAKEN;
    } catch (FlowClosedException ended) {
      return PostbackReceived.ENDED;
    } catch (WorkflowUpdateException refused) {
      UpdateFailure failure = UpdateFailure.of(refused.getCause());
      if (failure.isRefusal() && failure.refusal() == FlowRefusal.STATE_CONFLICT) {
        return PostbackReceived.UNCHANGED;
      }
      throw refused;
    }
  }

  ChargeAfterOutcome outcome(String flowId) {
    return client.newWorkflowStub(ChargeAfterSendLinkWorkflow.class, flowId).outcome();
  }

  ChargeAfterMerchantPages merchantPages(String flowId) {
    return client.newWorkflowStub(ChargeAfterSendLinkWorkflow.class, flowId).merchantPages();
  }
}
