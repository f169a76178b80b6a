package org.financingorchestrator.workflows.flexiti;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;

/** A time-skipping test server running Flexiti workflows over mocked activities; records histories. */
final class FlexitiTestWorker {

  static final String TASK_QUEUE = "flexiti-test";

  final TestWorkflowEnvironment env;
  final WorkflowClient client;
  final FlexitiActivities flexiti = mock(FlexitiActivities.class, withSettings().withoutAnnotations());

  FlexitiTestWorker(Class<?> workflow) {
    env = TestWorkflowEnvironment.newInstance();
    FlowSearchAttributes.DEFINITIONS.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(workflow);
    worker.registerActivitiesImplementations(flexiti);
    env.start();
    client = env.getWorkflowClient();
  }

  /** Writes the flow's history to target/histories/{name}.json, to be kept in src/test/resources/histories. */
  void recordHistory(String flowId, String name) throws IOException {
    Path target = Path.of("target", "histories", name + ".json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, client.fetchHistory(flowId).toJson(true));
  }

  void close() {
    env.close();
  }
}
