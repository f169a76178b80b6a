package org.financingorchestrator.workflows.webhooks;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.financingorchestrator.workflows.common.FlowFailure;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;

/**
 * A flow's outgoing webhooks: when the flow reaches a state its merchant cares about, and the
 * merchant has a webhook, one {@link MerchantWebhookWorkflow} per event is started as a child that
 * outlives the flow (ParentClosePolicy ABANDON). The flow waits only until the child has started
 * (a child not yet started when its parent closes would never start), never for the delivery.
 *
 * <p>Workflow code only. One instance per run (a {@code FlowJournal} holds it). From version 1 of
 * {@value #CHANGE} on; whether the merchant has a webhook is asked once per run, at its first
 * event, and recorded ({@code Workflow.sideEffect}): a merchant without one costs its flows one
 * marker per run and no child workflows.
 */
public final class MerchantWebhooks {

  /** The Workflow.getVersion change that made flows send webhooks. */
  public static final String CHANGE = "merchant-webhooks";

  /**
   * The states a merchant hears of: every wait on someone outside and every outcome. Not the
   * moments in between (STARTED, CAPTURING, AUTHORIZING), which last seconds.
   */
  public static final Set<FlowState> EVENT_STATES =
      EnumSet.of(
          FlowState.AWAITING_SHOPPER,
          FlowState.AWAITING_VERIFICATION,
          FlowState.AUTHORIZED,
          FlowState.APPROVED,
          FlowState.PENDING,
          FlowState.CAPTURED,
          FlowState.POSTED,
          FlowState.PARTIALLY_REFUNDED,
          FlowState.REFUNDED,
          FlowState.DECLINED,
          FlowState.CANCELLED,
          FlowState.EXPIRED,
          FlowState.FAILED,
          FlowState.VOIDED);

  /** Decided at the run's first event: null until then. */
  private Boolean sends;
  /**
   * A run continued as new from a run on version 1 of {@value #CHANGE}: it takes the version
   * from its carry and never asks getVersion. Its first event may come in an Update handler (a
   * refund), where getVersion yields, and a Signal of the same task could then run before the
   * handler on replay but not in the original run. The subscription's sideEffect does not yield.
   */
  private boolean versionCarried;

  /** Whether this run is on version 1 of {@value #CHANGE} (null: not decided yet), for the next run. */
  public Boolean carry() {
    return sends == null && !versionCarried ? null : Boolean.valueOf(versionCarried || onVersion);
  }

  /** The run continued as new from one whose {@link #carry()} was {@code carried}. */
  public void resumed(Boolean carried) {
    versionCarried = Boolean.TRUE.equals(carried);
  }

  private boolean onVersion;

  /**
   * The flow has just moved to {@code status.state()}.
   *
   * @param sequence the step's ordinal in the flow, counted across continued runs: makes the event
   *     id unique within the flow
   */
  public void stateReached(FlowStatus status, long sequence) {
    if (status.merchantId() == null || !EVENT_STATES.contains(status.state()) || !sends(status.merchantId())) {
      return;
    }
    MerchantWebhookEvent event = event(status, sequence);
    MerchantWebhookWorkflow delivery =
        Workflow.newChildWorkflowStub(MerchantWebhookWorkflow.class, childOptions(event));
    Async.function(delivery::deliver, new MerchantWebhookDelivery(status.merchantId(), event));
    try {
      Workflow.getWorkflowExecution(delivery).get();
    } catch (ChildWorkflowFailure alreadyStarted) {
      // Its id is the event's: a workflow with it exists (a reset run), so the event is on its way.
    }
  }

  private boolean sends(String merchantId) {
    if (sends == null) {
      // A continued run of a flow from before webhooks sends none: asking getVersion here could
      // run inside a handler (see versionCarried).
      onVersion =
          versionCarried
              || (Workflow.getInfo().getContinuedExecutionRunId().isEmpty()
                  && Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION);
      sends = onVersion && Workflow.sideEffect(Boolean.class, () -> WebhookSubscriptions.has(merchantId));
    }
    return sends;
  }

  static MerchantWebhookEvent event(FlowStatus status, long sequence) {
    FlowFailure failure = status.failure();
    return new MerchantWebhookEvent(
        eventId(sequence),
        type(status.state()),
        Instant.ofEpochMilli(Workflow.currentTimeMillis()),
        status.flowId(),
        status.provider(),
        status.merchantId(),
        status.merchantReference(),
        status.state().name(),
        WebhookAmount.of(status.orderAmount()),
        WebhookAmount.of(status.capturedAmount()),
        WebhookAmount.of(status.refundedAmount()),
        failure == null || !status.state().endedWithoutPayment()
            ? null
            : new MerchantWebhookEvent.WebhookFailure(failure.source(), failure.code(), failure.message()));
  }

  public static String type(FlowState state) {
    return "flow." + state.name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code evt_<first run id>_<sequence>}: unique in the namespace (a run id is a UUID), the same
   * across the runs a flow continues as new (they share their first run's id), and different for
   * the new run a merchant's retry starts under a failed run's flow id. Not the flow id itself:
   * the event id is also the delivering workflow's id, which replay checks, and replays of
   * recorded histories do not keep the flow's id.
   */
  static String eventId(long sequence) {
    return "evt_" + Workflow.getInfo().getFirstExecutionRunId().replace("-", "") + "_" + sequence;
  }

  private static ChildWorkflowOptions childOptions(MerchantWebhookEvent event) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(event.id())
        .setTaskQueue(MerchantWebhookWorkflow.TASK_QUEUE)
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        // One event, one delivery ever: a reset flow does not send it again.
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setStaticSummary(event.type() + " to merchant " + event.merchantId())
        .build();
  }
}
