package org.financingorchestrator.workflows.affirm;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every Affirm history ({@code affirm-*.json} in {@code src/test/resources/histories/}),
 * one per end state, recorded by AffirmCheckoutWorkflowTest into {@code target/histories/}. A
 * change that would break running flows (a step added, removed or reordered without
 * Workflow.getVersion) fails here. Each history stays.
 */
class AffirmCheckoutReplayTest {

  @TestFactory
  Stream<DynamicTest> replaysEveryRecordedHistory() throws Exception {
    Path folder = Path.of(AffirmCheckoutReplayTest.class.getResource("/histories").toURI());
    List<Path> histories;
    try (Stream<Path> files = Files.list(folder)) {
      histories =
          files.filter(f -> f.getFileName().toString().startsWith("affirm-") && f.toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(histories).hasSizeGreaterThanOrEqualTo(6);
    return histories.stream()
        .map(
            history ->
                DynamicTest.dynamicTest(
                    history.getFileName().toString(),
                    () -> WorkflowReplayer.replayWorkflowExecution(Files.readString(history), AffirmCheckoutWorkflowImpl.class)));
  }
}
