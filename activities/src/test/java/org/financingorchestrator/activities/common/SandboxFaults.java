package org.financingorchestrator.activities.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.financingorchestrator.sandbox.SandboxApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox in this JVM with its controls on, for the fault matrices: arms one fault at a time,
 * runs a call under it, and reads what one attempt of the call became.
 */
public final class SandboxFaults implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final ConfigurableApplicationContext sandbox;
  private final String url;
  private final List<TestActivityEnvironment> environments = new ArrayList<>();

  private SandboxFaults(ConfigurableApplicationContext sandbox) {
    this.sandbox = sandbox;
    this.url = "http://localhost:" + ((WebServerApplicationContext) sandbox).getWebServer().getPort();
  }

  public static SandboxFaults start() {
    return new SandboxFaults(
        SandboxApplication.application()
            .run("--server.port=0", "--management.server.port=0", "--sandbox.controls.enabled=true"));
  }

  public String url() {
    return url;
  }

  /**
   * A stub of the activities that runs each call once, in an activity context (heartbeats work),
   * as Temporal's first attempt would: the matrix reads that attempt, not the retries.
   */
  public <T> T oneAttempt(Class<T> activities, Object implementation) {
    TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
    environments.add(environment);
    environment.registerActivitiesImplementations(implementation);
    return environment.newActivityStub(
        activities,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  /**
   * Fills the matrix: every call (its fault operation in the sandbox; {@code calls} makes the
   * call's preconditions with no fault armed and answers the attempt to make under the fault)
   * under every kind, {@code refusals} the call's own 4xx.
   */
  public void run(
      FaultMatrix matrix,
      String provider,
      Map<String, String> operations,
      Map<String, Supplier<Supplier<String>>> calls,
      Map<String, String> refusals) {
    calls.forEach(
        (call, prepare) -> {
          for (FaultMatrix.Kind kind : FaultMatrix.KINDS) {
            Supplier<String> attempt = prepare.get();
            arm(kind.rule(provider, operations.get(call), refusals.get(call)));
            try {
              matrix.record(call, kind, attempt.get());
            } finally {
              send("DELETE", "/sandbox/faults", null);
            }
          }
        });
  }

  /** Writes the table under target/ and checks that docs/reliability/fault-matrix.md holds it. */
  public static void assertDocumented(FaultMatrix matrix, String name) throws Exception {
    String table = matrix.markdown();
    Path target = Path.of("target", "fault-matrix", name + ".md");
    Files.createDirectories(target.getParent());
    Files.writeString(target, table);
    // After a deliberate change, copy the table from target/fault-matrix into the document.
    assertThat(Files.readString(Path.of("..", "docs", "reliability", "fault-matrix.md")))
        .as("docs/reliability/fault-matrix.md holds the table this run wrote to " + target)
        .contains(table);
  }

  /** What Temporal sees of one attempt: done, or the failure's type, retryability and delay. */
  public static String describe(Supplier<?> call) {
    try {
      call.get();
      return "done";
    } catch (ActivityFailure failure) {
      ApplicationFailure cause = (ApplicationFailure) failure.getCause();
      String delay =
          cause.getNextRetryDelay() == null ? "" : ", next attempt in " + cause.getNextRetryDelay().toSeconds() + "s";
      return (cause.isNonRetryable() ? "final " : "retryable ") + cause.getType() + delay;
    }
  }

  public void arm(String rule) {
    HttpResponse<String> armed = send("POST", "/sandbox/faults", rule);
    assertThat(armed.statusCode()).as(rule + " " + armed.body()).isEqualTo(201);
  }

  /** A request to the sandbox (a shopper's step, a control), JSON when a body is given. */
  public HttpResponse<String> send(String method, String path, String json) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
      request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      request.header("Accept", "application/json");
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    environments.forEach(TestActivityEnvironment::close);
    sandbox.close();
  }
}
