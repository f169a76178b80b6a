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
import org.financingorchestrator.workflows.webhooks.RecordingWebhookEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Flexiti workflow on a time-skipping test server over mocked activities ({@link #flexiti}),
 * started before each test (subclasses stub the activities in their own {@code @BeforeEach}).
 */
abstract class FlexitiWorkflowTest {

  static final String TASK_QUEUE = "flexiti-test";

  protected TestWorkflowEnvironment env;
  protected WorkflowClient client;
  protected FlexitiActivities flexiti;
  /** Receives the webhooks of the tests that subscribe the merchant. */
  protected RecordingWebhookEndpoint webhooks;

  /** The workflow implementation under test. */
  abstract Class<?> workflow();

  @BeforeEach
  void startWorker() {
    env = TestWorkflowEnvironment.newInstance();
    FlowSearchAttributes.DEFINITIONS.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(workflow());
    flexiti = mock(FlexitiActivities.class, withSettings().withoutAnnotations());
    worker.registerActivitiesImplementations(flexiti);
    webhooks = RecordingWebhookEndpoint.of(env);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stopWorker() {
    env.close();
    webhooks.close();
  }

  /** Writes the flow's history to target/histories/{name}.json, to be kept in src/test/resources/histories. */
  void recordHistory(String flowId, String name) throws IOException {
    Path target = Path.of("target", "histories", name + ".json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, client.fetchHistory(flowId).toJson(true));
  }
}
