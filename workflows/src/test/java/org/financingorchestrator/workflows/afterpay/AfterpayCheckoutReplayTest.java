package org.financingorchestrator.workflows.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every Afterpay history ({@code afterpay-*.json}) in {@code src/test/resources/histories/}, recorded from every shipped
 * version of the workflow (unversioned, "flow-status-memo", "settle-unknown-outcomes",
 * "merchant-id", "wait-after-invalid-token") and from
 * each end state. A change that would break flows already running (a step added, removed or
 * reordered without Workflow.getVersion) fails here. To guard a new history, drop it in the
 * folder: AfterpayCheckoutWorkflowTest writes {@code target/histories/}. Each history stays:
 * flows of every shipped version may still be running.
 */
class AfterpayCheckoutReplayTest {

  @TestFactory
  Stream<DynamicTest> replaysEveryRecordedHistory() throws Exception {
    Path folder = Path.of(AfterpayCheckoutReplayTest.class.getResource("/histories").toURI());
    List<Path> histories;
    try (Stream<Path> files = Files.list(folder)) {
      // Other providers' histories live in the same folder, each under its provider's prefix.
      histories =
          files.filter(f -> f.getFileName().toString().startsWith(AfterpayCheckoutWorkflow.WORKFLOW_ID_PREFIX))
              .filter(f -> f.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(histories).hasSizeGreaterThanOrEqualTo(4);
    return histories.stream()
        .map(
            history ->
                DynamicTest.dynamicTest(
                    history.getFileName().toString(),
                    () ->
                        WorkflowReplayer.replayWorkflowExecution(
                            Files.readString(history), AfterpayCheckoutWorkflowImpl.class)));
  }
}
