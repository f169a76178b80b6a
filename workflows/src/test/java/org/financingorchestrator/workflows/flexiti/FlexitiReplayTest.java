package org.financingorchestrator.workflows.flexiti;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every Flexiti history (purchases, and applications in flexiti-application-*) in {@code src/test/resources/histories/flexiti-*.json},
 * one per end state (FlexitiPurchaseWorkflowTest writes them to {@code target/histories/}): a change
 * that would break running purchases fails here.
 */
class FlexitiReplayTest {

  @TestFactory
  Stream<DynamicTest> replaysEveryRecordedHistory() throws Exception {
    Path folder = Path.of(FlexitiReplayTest.class.getResource("/histories").toURI());
    List<Path> histories;
    try (Stream<Path> files = Files.list(folder)) {
      histories = files.filter(f -> f.getFileName().toString().startsWith("flexiti-")).sorted().toList();
    }
    assertThat(histories).hasSizeGreaterThanOrEqualTo(6);
    return histories.stream()
        .map(history -> DynamicTest.dynamicTest(history.getFileName().toString(),
            () -> WorkflowReplayer.replayWorkflowExecution(Files.readString(history), workflowOf(history))));
  }

  /** flexiti-application-*: the application; flexiti-returned*: the return; every other flexiti-*: the purchase. */
  private static Class<?> workflowOf(Path history) {
    String name = history.getFileName().toString();
    if (name.startsWith("flexiti-application-")) {
      return FlexitiApplicationWorkflowImpl.class;
    }
    return name.startsWith("flexiti-returned") ? FlexitiReturnWorkflowImpl.class : FlexitiPurchaseWorkflowImpl.class;
  }
}
