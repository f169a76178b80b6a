package org.financingorchestrator.benchmark.floor;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.CountDownLatch;

/**
 * The engine floor's worker, a process of its own with the stack's JVM flags and the worker's
 * tuning (worker.yaml: 5 pollers each, 200 slots each, a workflow cache of 600 with 600 threads),
 * so the floor differs from the stack's worker only by what the flows do.
 *
 * <p>Arguments: the Temporal target (host:port).
 */
public final class FloorWorker {

  private FloorWorker() {}

  public static void main(String[] args) throws InterruptedException {
    String target = args.length > 0 ? args[0] : "127.0.0.1:7233";
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    WorkerFactory factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(600).setMaxWorkflowThreadCount(600).build());
    Worker worker =
        factory.newWorker(
            FloorCheckout.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskPollers(5)
                .setMaxConcurrentActivityTaskPollers(5)
                .setMaxConcurrentWorkflowTaskExecutionSize(200)
                .setMaxConcurrentActivityExecutionSize(200)
                .build());
    worker.registerWorkflowImplementationTypes(FloorCheckoutImpl.class);
    worker.registerActivitiesImplementations(new FloorActivitiesImpl());
    factory.start();
    System.out.println("Floor worker polling " + FloorCheckout.TASK_QUEUE + " at " + target);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      factory.shutdown();
      stopped.countDown();
    }));
    stopped.await();
  }
}
