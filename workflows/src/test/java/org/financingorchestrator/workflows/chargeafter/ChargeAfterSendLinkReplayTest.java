package org.financingorchestrator.workflows.chargeafter;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recorded send-link history ({@code histories/chargeafter-*.json}, one per end
 * state, written to {@code target/histories/} by ChargeAfterSendLinkWorkflowTest): a change that
 * would break running flows without Workflow.getVersion fails here.
 */
class ChargeAfterSendLinkReplayTest {

  @TestFactory
  Stream<DynamicTest> replaysEveryRecordedHistory() throws Exception {
    Path folder = Path.of(ChargeAfterSendLinkReplayTest.class.getResource("/histories").toURI());
    List<Path> histories;
    try (Stream<Path> files = Files.list(folder)) {
      histories =
          files.filter(f -> f.getFileName().toString().startsWith(ChargeAfterSendLinkWorkflow.PROVIDER + "-"))
              .filter(f -> f.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(histories).hasSizeGreaterThanOrEqualTo(6);
    return histories.stream()
        .map(
            history ->
                DynamicTest.dynamicTest(
                    history.getFileName().toString(),
                    () ->
                        WorkflowReplayer.replayWorkflowExecution(
                            Files.readString(history), ChargeAfterSendLinkWorkflowImpl.class)));
  }
}
