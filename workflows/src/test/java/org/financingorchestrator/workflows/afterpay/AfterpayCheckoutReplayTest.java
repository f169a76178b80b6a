package org.financingorchestrator.workflows.afterpay;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Replays histories recorded from earlier versions of the workflow. A change that would break
 * flows already running (a step added, removed or reordered without Workflow.getVersion) fails
 * here. To add a history: run AfterpayCheckoutWorkflowTest, which writes target/histories/, and
 * copy the file into src/test/resources/histories/ when the workflow ships. Each history stays:
 * flows of every shipped version may still be running.
 */
class AfterpayCheckoutReplayTest {

  @Test
  void replaysACheckoutCapturedAndPartiallyRefunded() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("afterpay-captured-partially-refunded"), AfterpayCheckoutWorkflowImpl.class);
  }

  /** Recorded with version 1 of the "flow-status-memo" change: every state change upserts the memo. */
  @Test
  void replaysACheckoutThatRecordsItsStatusInTheMemo() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("afterpay-captured-partially-refunded-status-memo"), AfterpayCheckoutWorkflowImpl.class);
  }

  /**
   * Recorded with version 1 of the "settle-unknown-outcomes" change: refunds keep their requestId
   * per reference and show as pending until settled.
   */
  @Test
  void replaysACheckoutThatSettlesItsEffects() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("afterpay-captured-partially-refunded-settles"), AfterpayCheckoutWorkflowImpl.class);
  }

  /** Version 1 of "settle-unknown-outcomes": a mismatched capture refunded after ten 503s. */
  @Test
  void replaysAMismatchRefundSettledAfterAnOutage() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("afterpay-amount-mismatch-refund-settled"), AfterpayCheckoutWorkflowImpl.class);
  }

  private static String history(String name) throws Exception {
    try (InputStream in =
        AfterpayCheckoutReplayTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
