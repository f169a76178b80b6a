package org.financingorchestrator.workflows.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A merchant's webhook endpoint for workflow tests: registers the {@code merchant-webhooks} worker
 * (the delivery workflow, and an activity that records instead of POSTing); a test subscribes its
 * merchant with {@link #subscribe}. Create it before {@code env.start()}; {@link #close()}
 * unsubscribes everyone.
 *
 * <p><b>Two ways the test server's clock stops for good</b> (it skips time only while nothing is
 * to do; a real server has no such clock). It locks the clock when it schedules a workflow task and
 * unlocks it when a worker completes, fails or times it out; and it locks it when a child ends, to
 * tell the parent, and unlocks it when the parent records that. So:
 * <ul>
 *   <li>a delivery on a queue no worker polls keeps its first workflow task scheduled for ever:
 *       register this worker in every test whose flows send webhooks, even one that does not look
 *       at them. The flow itself goes on (a child counts as started once the server recorded it);
 *   <li>a delivery that ends after its flow has closed (a flow whose last state is an outcome) never
 *       unlocks it: the closed parent refuses the news. So after such a flow, wait for deliveries by
 *       their results ({@link #assertReceivedOnceInOrder}), never with {@code env.sleep}.
 * </ul>
 * Either way {@code env.sleep} and every wait on a timer then last in real time: the test hangs.
 */
public final class RecordingWebhookEndpoint implements AutoCloseable {

  private final TestWorkflowEnvironment env;
  /** What the endpoint acknowledged, in order of acknowledgement. */
  private final List<MerchantWebhookEvent> acknowledged = new CopyOnWriteArrayList<>();
  /** Every attempt, acknowledged or not, at its workflow time. */
  private final List<Instant> attempts = new CopyOnWriteArrayList<>();
  /** From now on this merchant's flows send their events here (and no other merchant's). */
  public RecordingWebhookEndpoint subscribe(String merchantId) {
    WebhookSubscriptions.use(merchantId::equals);
    return this;
  }

  /** The endpoint answers 503 until then. */
  private volatile Instant downUntil = Instant.EPOCH;

  private RecordingWebhookEndpoint(TestWorkflowEnvironment env) {
    this.env = env;
  }

  /** The webhook worker on {@code env} (not started yet); no merchant subscribed yet. */
  public static RecordingWebhookEndpoint of(TestWorkflowEnvironment env) {
    RecordingWebhookEndpoint endpoint = new RecordingWebhookEndpoint(env);
    Worker worker = env.newWorker(MerchantWebhookWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(MerchantWebhookWorkflowImpl.class);
    worker.registerActivitiesImplementations((MerchantWebhookActivities) endpoint::post);
    return endpoint;
  }

  /** The merchant's endpoint, as the worker's activity reaches it. */
  private int post(MerchantWebhookDelivery delivery) {
    Instant at = Instant.ofEpochMilli(env.currentTimeMillis());
    attempts.add(at);
    if (at.isBefore(downUntil)) {
      throw ApplicationFailure.newFailure("503 from the merchant's webhook", "webhook_not_acknowledged");
    }
    acknowledged.add(delivery.event());
    return 200;
  }

  /** The endpoint answers 503 until {@code until} (workflow time). */
  public void downUntil(Instant until) {
    downUntil = until;
  }

  public List<MerchantWebhookEvent> acknowledged() {
    return acknowledged;
  }

  public List<Instant> attempts() {
    return attempts;
  }

  /**
   * The flow's events, from its current run, came with these types, in the flow's order, each once
   * and at the first attempt: ids unique and well formed, times in order, each acknowledged by the
   * delivery workflow of its id.
   *
   * @return the events, in the flow's order
   */
  public List<MerchantWebhookEvent> assertReceivedOnceInOrder(WorkflowClient client, String flowId, String... types) {
    // A flow does not wait for its deliveries: wait for each the flow started, by its result.
    // Not with env.sleep: see the class comment.
    List<String> started = client.fetchHistory(flowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED)
        .map(e -> e.getChildWorkflowExecutionStartedEventAttributes().getWorkflowExecution().getWorkflowId())
        .toList();
    for (String delivery : started) {
      assertThat(client.newUntypedWorkflowStub(delivery).getResult(Integer.class)).isEqualTo(200);
    }
    // Deliveries run side by side: the flow's order is the step's ordinal, at the end of the id.
    List<MerchantWebhookEvent> events =
        acknowledged.stream().sorted(Comparator.comparingLong(RecordingWebhookEndpoint::ordinal)).toList();
    assertThat(events).extracting(MerchantWebhookEvent::type).containsExactly(types);
    assertThat(events).extracting(MerchantWebhookEvent::id).containsExactlyInAnyOrderElementsOf(started)
        .allSatisfy(id -> assertThat(id).matches("evt_[0-9a-f]{32}_[0-9]+"));
    assertThat(events).extracting(MerchantWebhookEvent::createdAt).isSorted();
    assertThat(attempts).hasSize(types.length);
    return events;
  }

  private static long ordinal(MerchantWebhookEvent event) {
    return Long.parseLong(event.id().substring(event.id().lastIndexOf('_') + 1));
  }

  /** Unsubscribes every merchant: the next test's flows start no deliveries. */
  @Override
  public void close() {
    WebhookSubscriptions.use(merchantId -> false);
  }
}
