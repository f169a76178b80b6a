package org.financingorchestrator.activities.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.financingorchestrator.activities.common.FaultMatrix;
import org.financingorchestrator.sandbox.SandboxApplication;
import org.financingorchestrator.workflows.afterpay.AfterpayActivities;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;
import org.financingorchestrator.workflows.afterpay.AfterpayRefundCall;
import org.financingorchestrator.workflows.common.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12, provider faults: every Afterpay call against the sandbox under every fault kind, one
 * attempt each, read as Temporal reads it (retryable or final, with which code and delay). Its
 * table is the one in {@code docs/reliability/fault-matrix.md} (checked); what each outcome means
 * for the flow (retried, ended with the provider's code, settled by look-up or key) is the
 * workflow tests' and is summed up in that file.
 */
class AfterpayFaultMatrixTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  /** Short read timeouts so that a slow answer is one second, not twenty. */
  private static final AfterpayTimeouts TIMEOUTS =
      new AfterpayTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1));

  private static ConfigurableApplicationContext sandbox;
  private static String sandboxUrl;
  private static TestActivityEnvironment environment;
  private static AfterpayActivities afterpay;

  @BeforeAll
  static void start() {
    sandbox =
        SandboxApplication.application()
            .run("--server.port=0", "--management.server.port=0", "--sandbox.controls.enabled=true");
    sandboxUrl = "http://localhost:" + ((WebServerApplicationContext) sandbox).getWebServer().getPort();
    AfterpayApi api =
        AfterpayApiFactory.create(
            new AfterpayClientSettings(URI.create(sandboxUrl + "/afterpay"), "100101", "sandbox-secret-key"),
            new SimpleMeterRegistry(),
            TIMEOUTS,
            Clock.systemUTC());
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(
        new AfterpayActivitiesImpl(api, new AfterpayConfigurationCache(api, Clock.systemUTC()), TIMEOUTS));
    afterpay =
        environment.newActivityStub(
            AfterpayActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterAll
  static void stop() {
    if (environment != null) {
      environment.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void everyCallUnderEveryFaultIsClassifiedAsTheFlowNeedsIt() throws Exception {
    Map<String, Supplier<String>> calls = new LinkedHashMap<>();
    calls.put("getConfiguration", () -> describe(afterpay::getConfiguration));
    calls.put("createOrder", () -> describe(() -> afterpay.createOrder(AfterpayFixtures.createOrder())));
    calls.put("capture", () -> { String token = approvedToken(); return describe(() -> afterpay.capture(token, "ref")); });
    calls.put("findPaymentByToken", () -> { String token = capturedToken(); return describe(() -> afterpay.findPaymentByToken(token)); });
    calls.put("refund", () -> { String payment = capturedPayment(); return describe(() -> afterpay.refund(refund(payment))); });
    calls.put("findRefund", () -> { String payment = capturedPayment(); return describe(() -> afterpay.findRefund(refund(payment))); });
    calls.put("updateCourier", () -> { String payment = capturedPayment(); return describe(() -> { afterpay.updateCourier(payment, courier()); return "done"; }); });
    Map<String, String> operations =
        Map.of("getConfiguration", "configuration", "createOrder", "createOrder", "capture", "capture",
            "findPaymentByToken", "getPayment", "refund", "refund", "findRefund", "getPayment",
            "updateCourier", "courier");

    FaultMatrix matrix = new FaultMatrix("Afterpay", FaultMatrix.KINDS);
    for (Map.Entry<String, Supplier<String>> call : calls.entrySet()) {
      for (FaultMatrix.Kind kind : FaultMatrix.KINDS) {
        String refusal = call.getKey().equals("capture") ? "\"status\":402,\"errorCode\":\"declined\"" : "\"status\":422,\"errorCode\":\"invalid_object\"";
        arm(kind.rule("afterpay", operations.get(call.getKey()), refusal));
        matrix.record(call.getKey(), kind, call.getValue().get());
        reset();
      }
    }

    String table = matrix.markdown();
    Path target = Path.of("target", "fault-matrix", "afterpay-fault-matrix.md");
    Files.createDirectories(target.getParent());
    Files.writeString(target, table);
    // The documented table is this run's: after a deliberate change, copy target/fault-matrix's.
    assertThat(Files.readString(Path.of("..", "docs", "reliability", "fault-matrix.md")))
        .as("docs/reliability/fault-matrix.md holds the table this run printed to " + target)
        .contains(table);
    // Retried faults are retryable, Retry-After is carried, refusals are final with Afterpay's
    // code, and an answer that cannot be used is never taken as a success.
    matrix.assertEveryCell(
        (call, kind, outcome) -> switch (kind.name()) {
          case "503 before the effect", "answer slower than the read timeout", "connection dropped after the effect" ->
              outcome.startsWith("retryable");
          case "429 with Retry-After: 7" -> outcome.equals("retryable too_many_requests, next attempt in 7s");
          case "4xx refusal" -> outcome.equals(call.equals("capture") ? "final declined" : "final invalid_object");
          // A courier update needs nothing of the answer (and is idempotent): done whatever its body.
          default -> call.equals("updateCourier") ? outcome.equals("done") : outcome.equals("final malformed_response");
        });
  }

  // --- the calls' preconditions, made through the same sandbox ---------------------------------

  private static String approvedToken() {
    String token = createdOrder();
    send("POST", "/afterpay/checkout/" + token + "/approve", null);
    return token;
  }

  private static String createdOrder() {
    return afterpay.createOrder(AfterpayFixtures.createOrder()).token();
  }

  private static String capturedToken() {
    String token = approvedToken();
    afterpay.capture(token, "ref");
    return token;
  }

  private static String capturedPayment() {
    String token = approvedToken();
    return afterpay.capture(token, "ref").id();
  }

  private static AfterpayRefundCall refund(String paymentId) {
    return new AfterpayRefundCall(paymentId, UUID.randomUUID().toString(), Money.of("1.00", "USD"), "RF-" + UUID.randomUUID());
  }

  private static AfterpayCourier courier() {
    return new AfterpayCourier(Instant.parse("2026-11-21T10:00:00Z"), "CourierPost", "AA999999999AA", "STANDARD");
  }

  /** What Temporal sees of one attempt: done, or the failure's type, retryability and delay. */
  private static String describe(Supplier<?> call) {
    try {
      call.get();
      return "done";
    } catch (ActivityFailure failure) {
      ApplicationFailure cause = (ApplicationFailure) failure.getCause();
      String delay = cause.getNextRetryDelay() == null ? "" : ", next attempt in " + cause.getNextRetryDelay().toSeconds() + "s";
      return (cause.isNonRetryable() ? "final " : "retryable ") + cause.getType() + delay;
    }
  }

  private static void arm(String rule) {
    HttpResponse<String> armed = send("POST", "/sandbox/faults", rule);
    assertThat(armed.statusCode()).as(rule + " " + armed.body()).isEqualTo(201);
  }

  private static void reset() {
    send("DELETE", "/sandbox/faults", null);
  }

  private static HttpResponse<String> send(String method, String path, String json) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandboxUrl + path)).timeout(Duration.ofSeconds(30));
      request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
