package org.financingorchestrator.api.common;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;

/**
 * How Temporal says a request was too large, from the gRPC status alone: the transport's
 * RESOURCE_EXHAUSTED "received message larger than max" (the server's 4 MB gRPC limit; the SDK
 * does not retry it, GrpcMessageTooLargeException) and the server's INVALID_ARGUMENT "... size
 * exceeds limit" (2 MB per payload, the memo's and search attributes' limits; never retried:
 * INVALID_ARGUMENT is in the SDK's default do-not-retry list). Other RESOURCE_EXHAUSTED answers
 * (rate limits, busy namespace) are passing and are retried.
 */
final class TemporalRefusals {

  /**
   * The server's answer to an Update admitted but not yet accepted when the flow's workflow task
   * failed (a task completing the flow while new events arrived is failed as UnhandledCommand and
   * retried): the Update was never written to the history.
   */
  private static final String UPDATE_DROPPED = "unexpected workflow task failure";

  private static final List<String> TOO_LARGE = List.of("larger than max", "size exceeds limit", "exceeds size limit");

  private TemporalRefusals() {}

  static boolean tooLarge(Status status) {
    String description = status.getDescription();
    if (description == null) {
      return false;
    }
    String text = description.toLowerCase(java.util.Locale.ROOT);
    return switch (status.getCode()) {
      case RESOURCE_EXHAUSTED, INVALID_ARGUMENT -> TOO_LARGE.stream().anyMatch(text::contains);
      default -> false;
    };
  }

  /** Whether {@code e}, or a cause of it, is the server dropping an Update when a workflow task failed. */
  static boolean updateDroppedByTaskFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc
          && grpc.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
          && grpc.getStatus().getDescription() != null
          && grpc.getStatus().getDescription().contains(UPDATE_DROPPED)) {
        return true;
      }
    }
    return false;
  }
}
