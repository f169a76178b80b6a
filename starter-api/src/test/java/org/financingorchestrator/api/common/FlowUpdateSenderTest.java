package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the sender does with the server's answers that are not the flow's: an Update the server
 * dropped because the flow's task failed (UnhandledCommand: the flow completed while the Update
 * arrived) is sent again; any other refusal reaches the caller at once.
 */
class FlowUpdateSenderTest {

  private static final String DROPPED =
      "Unable to perform workflow execution update due to unexpected workflow task failure.";

  private final FlowUpdateSender sender =
      new FlowUpdateSender(
          mock(WorkflowClient.class), mock(FlowStatusReader.class), new GrpcDeadlines(), new ShutdownSignal());

  @Test
  void anUpdateDroppedWhenTheFlowsTaskFailedIsSentAgain() {
    AtomicInteger sent = new AtomicInteger();
    String answer =
        sender.send(
            "chargeafter-demo-1",
            () -> {
              if (sent.incrementAndGet() <= 2) {
                throw wrapped(Status.FAILED_PRECONDITION.withDescription(DROPPED));
              }
              return handle(CompletableFuture.completedFuture("taken"));
            },
            Duration.ofSeconds(10));

    assertThat(answer).isEqualTo("taken");
    assertThat(sent).hasValue(3);
  }

  @Test
  void anotherFailedPreconditionIsNotSentAgain() {
    AtomicInteger sent = new AtomicInteger();
    assertThatThrownBy(
            () ->
                sender.send(
                    "chargeafter-demo-2",
                    () -> {
                      sent.incrementAndGet();
                      throw wrapped(Status.FAILED_PRECONDITION.withDescription("something else"));
                    },
                    Duration.ofSeconds(10)))
        .isInstanceOf(WorkflowServiceException.class);
    assertThat(sent).hasValue(1);
  }

  @Test
  void aDroppedUpdateStillDroppedAtTheDeadlineReachesTheCaller() {
    assertThatThrownBy(
            () ->
                sender.send(
                    "chargeafter-demo-3",
                    () -> {
                      throw new StatusRuntimeException(Status.FAILED_PRECONDITION.withDescription(DROPPED));
                    },
                    Duration.ofMillis(300)))
        .isInstanceOf(StatusRuntimeException.class);
  }

  private static WorkflowServiceException wrapped(Status status) {
    return new WorkflowServiceException(
        WorkflowExecution.newBuilder().setWorkflowId("flow").build(), "Flow", new StatusRuntimeException(status));
  }

  @SuppressWarnings("unchecked")
  private static WorkflowUpdateHandle<String> handle(CompletableFuture<String> result) {
    WorkflowUpdateHandle<String> handle = mock(WorkflowUpdateHandle.class);
    when(handle.getResultAsync(anyLong(), eq(TimeUnit.MILLISECONDS))).thenReturn(result);
    return handle;
  }
}
