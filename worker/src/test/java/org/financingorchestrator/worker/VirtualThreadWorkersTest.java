package org.financingorchestrator.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.worker.WorkerOptions;
import org.financingorchestrator.worker.common.VirtualThreadWorkers;
import org.junit.jupiter.api.Test;

class VirtualThreadWorkersTest {

  @Test
  void usesVirtualThreadsForActivitiesOnlyWhereTheRuntimeHasThem() {
    WorkerOptions options =
        new VirtualThreadWorkers().customize(WorkerOptions.newBuilder(), "w", "afterpay-checkouts").build();

    assertThat(options.isUsingVirtualThreadsOnActivityWorker())
        .isEqualTo(Runtime.version().feature() >= 21);
    assertThat(options.isUsingVirtualThreadsOnWorkflowWorker()).isFalse();
  }
}
