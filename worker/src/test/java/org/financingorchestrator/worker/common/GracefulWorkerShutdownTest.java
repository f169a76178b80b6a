package org.financingorchestrator.worker.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SIGTERM on the worker: polling stops, a provider call in hand finishes, within the grace. */
class GracefulWorkerShutdownTest {

  private static final String QUEUE = "shutdown-test";
  private static final CountDownLatch started = new CountDownLatch(1);
  private static final CountDownLatch release = new CountDownLatch(1);
  private static final AtomicBoolean finished = new AtomicBoolean();

  @ActivityInterface
  public interface ProviderCall {
    String call();
  }

  @WorkflowInterface
  public interface OneCall {
    @WorkflowMethod
    String run();
  }

  public static class OneCallImpl implements OneCall {
    @Override
    public String run() {
      return Workflow.newActivityStub(
              ProviderCall.class, ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build())
          .call();
    }
  }

  /** Blocks until the test releases it, as a provider call in flight does. */
  static class HeldCall implements ProviderCall {
    @Override
    public String call() {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
      finished.set(true);
      return "done";
    }
  }

  private TestWorkflowEnvironment env;
  private WorkerFactory factory;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(OneCallImpl.class);
    worker.registerActivitiesImplementations(new HeldCall());
    env.start();
    factory = env.getWorkerFactory();
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    env.close();
  }

  @Test
  void stopsPollingAndLetsTheCallInHandFinishBeforeStopReturns() throws Exception {
    OneCall flow =
        env.getWorkflowClient().newWorkflowStub(OneCall.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
    WorkflowClient.start(flow::run);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    GracefulWorkerShutdown shutdown = new GracefulWorkerShutdown(factory, Duration.ofSeconds(30));
    CompletableFuture<Void> stopping = CompletableFuture.runAsync(shutdown::stop);

    // Polling has stopped while the call is still in hand; stop() waits for it.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(factory::isShutdown);
    assertThat(stopping).isNotDone();
    release.countDown();
    stopping.get(30, TimeUnit.SECONDS);

    assertThat(finished).isTrue();
    assertThat(factory.isTerminated()).isTrue();
  }
}
