package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on starter-api: a request waiting minutes on a stuck flow ends at once with a retryable
 * answer, instead of holding up the shutdown; an answer that is there is still given.
 */
class ShutdownSignalTest {

  private final GrpcDeadlines deadlines = new GrpcDeadlines();
  private final ShutdownSignal signal = new ShutdownSignal();
  private final FlowUpdateSender sender =
      new FlowUpdateSender(mock(WorkflowClient.class), mock(FlowStatusReader.class), deadlines, signal);

  @AfterEach
  void tearDown() {
    deadlines.destroy();
  }

  @Test
  void aRequestWaitingOnAStuckFlowEndsRetryablyAsSoonAsTheAppStops() throws Exception {
    signal.start();
    WorkflowUpdateHandle<String> stuck = handle(new CompletableFuture<>());
    CompletableFuture<String> request =
        CompletableFuture.supplyAsync(() -> sender.send("afterpay-demo-1", () -> stuck, Duration.ofMinutes(6)));
    assertThat(request).isNotDone();

    signal.stop();

    assertThat(request)
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(ShuttingDownException.class);
    assertThat(signal.isRunning()).isFalse();
    assertThat(signal.getPhase()).as("stops before the web server drains").isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void anAnswerThatIsThereIsStillGivenWhileStopping() {
    signal.stop();
    assertThat(sender.send("afterpay-demo-1", () -> handle(CompletableFuture.completedFuture("ok")), Duration.ofMinutes(6)))
        .isEqualTo("ok");
  }

  @Test
  void startedAgainAfterAStopItWaitsAgain() {
    signal.start();
    signal.stop();
    signal.start();
    assertThat(signal.stopping()).isNotDone();
    assertThat(signal.isRunning()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static WorkflowUpdateHandle<String> handle(CompletableFuture<String> result) {
    WorkflowUpdateHandle<String> handle = mock(WorkflowUpdateHandle.class);
    when(handle.getResultAsync(anyLong(), eq(TimeUnit.MILLISECONDS))).thenReturn(result);
    return handle;
  }
}
