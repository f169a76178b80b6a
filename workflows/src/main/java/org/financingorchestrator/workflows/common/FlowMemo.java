package org.financingorchestrator.workflows.common;

import io.temporal.client.WorkflowExecutionMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow's last recorded status, kept in the workflow's memo on the Temporal server so that it
 * can be read with DescribeWorkflowExecution while no worker runs to answer the status Query.
 * The API writes the first one when it starts the flow; the flow rewrites it at every state
 * change. It is the status with the steps cut to the last one (its name and workflow time) and
 * the refunds to the latest {@value #REFUNDS_KEPT} (the refunded amount stays the total): small
 * and bounded, since it is written again at every change, and like the status free of personal data.
 */
public final class FlowMemo {

  /** The memo field that holds the status. */
  public static final String KEY = "flowStatus";
  /** Refunds the memo lists: the latest; the live status lists them all. */
  public static final int REFUNDS_KEPT = 10;

  private FlowMemo() {}

  /** The memo that records this status. */
  public static Map<String, Object> of(FlowStatus status) {
    List<FlowStep> steps = status.steps();
    List<FlowStep> lastStep =
        steps.isEmpty() ? List.of() : List.of(nameAndTime(steps.get(steps.size() - 1)));
    return Map.of(
        KEY,
        new FlowStatus(
            status.flowId(),
            status.provider(),
            status.merchantId(),
            status.merchantReference(),
            status.state(),
            status.orderAmount(),
            status.capturedAmount(),
            status.refundedAmount(),
            status.providerIds(),
            latest(status.refunds()),
            status.failure(),
            lastStep,
            status.pending()));
  }

  /** The memo of a flow being started: no worker has run it yet, so it has taken no step. */
  public static Map<String, Object> started(
      String flowId, String provider, String merchantId, String merchantReference, Money orderAmount) {
    return of(FlowStatus.recorded(flowId, provider, merchantId, merchantReference, FlowState.STARTED, orderAmount));
  }

  /**
   * The status recorded in a flow's memo, decoded with the client's data converter; empty for a
   * flow started before flows kept one.
   */
  public static Optional<FlowStatus> read(WorkflowExecutionMetadata execution) {
    return Optional.ofNullable((FlowStatus) execution.getMemo(KEY, FlowStatus.class));
  }

  private static List<RefundRecord> latest(List<RefundRecord> refunds) {
    return refunds.size() <= REFUNDS_KEPT ? refunds : List.copyOf(refunds.subList(refunds.size() - REFUNDS_KEPT, refunds.size()));
  }

  /** Details belong to the live status; the memo keeps what happened last and when. */
  private static FlowStep nameAndTime(FlowStep step) {
    return new FlowStep(step.name(), step.at(), null);
  }
}
