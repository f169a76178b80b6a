package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import io.temporal.serviceclient.RpcRetryOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A request Temporal refused as too large is the caller's: 413, not retried, no ERROR with a stack. */
class TooLargeForTemporalTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger log = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);

  @BeforeEach
  void listen() {
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    log.detachAppender(logged);
  }

  @Test
  void aMessageOverTheGrpcLimitIs413WithoutAStackTrace() {
    ResponseEntity<ProblemDetail> answer =
        handler.workflowException(
            failed(Status.RESOURCE_EXHAUSTED.withDescription("grpc: received message larger than max (5242880 vs. 4194304)")));

    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(answer.getBody().getDetail()).contains("larger");
    assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.ERROR || event.getThrowableProxy() != null);
  }

  @Test
  void aPayloadOverTheServersBlobLimitIs413() {
    ResponseEntity<ProblemDetail> answer =
        handler.workflowException(failed(Status.INVALID_ARGUMENT.withDescription("Blob data size exceeds limit.")));

    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.ERROR);
  }

  @Test
  void aRateLimitIsStillAPassingOutage() {
    ResponseEntity<ProblemDetail> answer =
        handler.grpcStatus(new StatusRuntimeException(Status.RESOURCE_EXHAUSTED.withDescription("namespace rate limit exceeded")));

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
  }

  @Test
  void theClientDoesNotRetryARefusalAsInvalid() {
    RpcRetryOptions options = TemporalClientConfiguration.retries(Duration.ofSeconds(10));

    assertThat(options.getDoNotRetry())
        .anyMatch(item -> item.getCode() == Status.Code.INVALID_ARGUMENT && item.getDetailsClass() == null);
  }

  private static WorkflowServiceException failed(Status status) {
    return new WorkflowServiceException(
        WorkflowExecution.newBuilder().setWorkflowId("afterpay-big-1").build(), "AfterpayCheckout", new StatusRuntimeException(status));
  }
}
