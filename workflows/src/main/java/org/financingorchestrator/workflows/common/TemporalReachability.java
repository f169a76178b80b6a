package org.financingorchestrator.workflows.common;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Temporal frontend answers, asked with a short deadline: what the apps' readiness
 * reports (a worker or an API that cannot reach Temporal can do nothing useful, and a restart
 * does not fix Temporal, so it is readiness, never liveness). Temporal only; each app wraps it in
 * its health contributor {@code temporal}.
 */
public final class TemporalReachability {

  /** Long enough for a server under load, short enough for a probe's own timeout (1 s by default on Kubernetes, set higher). */
  public static final Duration DEADLINE = Duration.ofMillis(800);

  /** @param detail the server's version when reachable, else the gRPC status that said why not */
  public record Answer(boolean reachable, String target, String detail) {

    /** What a health endpoint shows: the target, and the server or the reason. */
    public Map<String, Object> details() {
      return Map.of("target", Objects.toString(target, "in-process"), reachable ? "server" : "reason", detail);
    }
  }

  private TemporalReachability() {}

  public static Answer ask(WorkflowServiceStubs stubs, Duration deadline) {
    String target = stubs.getOptions().getTarget();
    try {
      String version =
          stubs.blockingStub()
              .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
              .getServerVersion();
      return new Answer(true, target, version.isEmpty() ? "reachable" : "server " + version);
    } catch (StatusRuntimeException unreachable) {
      String why = unreachable.getStatus().getDescription();
      return new Answer(false, target, unreachable.getStatus().getCode() + (why == null ? "" : ": " + why));
    }
  }
}
