package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.stack.WithoutSpringSecurity;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.financingorchestrator.api.stack.FreePorts;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.financingorchestrator.api.stack.TemporalDevServer;
import org.financingorchestrator.api.stack.AppProcess;
import org.financingorchestrator.api.stack.WorkerProcess;
import org.financingorchestrator.sandbox.SandboxApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A worker killed with SIGKILL in the middle of a flow costs nothing: on the real Temporal dev
 * server a new worker picks the flow up (the dead worker's sticky queue times out), an activity
 * the dead worker had in flight times out and is sent again, and the provider's idempotency keeps
 * the effect single. The worker runs in a JVM of its own so that it can be killed as in production.
 */
@RequiresLocalTools("temporal")
class WorkerCrashEndToEndTest {

  private static final Duration CALLBACK_WAIT = Duration.ofMinutes(4);

  private static TemporalDevServer temporal;
  private static final List<ConfigurableApplicationContext> apps = new ArrayList<>();
  private static Http api;
  private static Http sandbox;
  private static String afterpayBaseUrl;
  private AppProcess worker;
  private int workersStarted;

  @BeforeAll
  static void startTheStack() {
    temporal = TemporalDevServer.start("worker-crash");
    String target = "--spring.temporal.connection.target=" + temporal.target();
    ConfigurableApplicationContext sandboxApp = SandboxApplication.application().run("--server.port=0", "--management.server.port=0", "--sandbox.controls.enabled=true", WithoutSpringSecurity.ARGUMENT);
    apps.add(sandboxApp);
    int sandboxPort = ((WebServerApplicationContext) sandboxApp).getWebServer().getPort();
    sandbox = new Http(sandboxPort);
    afterpayBaseUrl = "http://localhost:" + sandboxPort + "/afterpay";
    int apiPort = FreePorts.next();
    List<String> arguments = new ArrayList<>(TestPayloadKey.arguments());
    arguments.addAll(
        List.of(
            "--server.port=" + apiPort,
            "--spring.profiles.active=test",
            "--management.server.port=0",
            target,
            "--callbacks.public-base-url=http://localhost:" + apiPort,
            "--flows.afterpay.shopper-return-wait=" + CALLBACK_WAIT));
    apps.add(StarterApiApplication.application().run(arguments.toArray(String[]::new)));
    api = new Http(apiPort, CALLBACK_WAIT);
  }

  @AfterAll
  static void stopTheStack() {
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.get(i).close();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @BeforeEach
  void startAWorker() {
    worker = newWorker();
  }

  @AfterEach
  void stopTheWorker() {
    worker.close();
  }

  @Test
  void aWorkerKilledWhileTheFlowWaitsForTheShopperIsReplacedAndTheFlowCaptures() {
    String flowId = "afterpay-shopa-crash-waiting";
    String token = createCheckout("crash-waiting");

    worker.kill();
    // With no worker at all, the merchant still reads the flow: what the server recorded of it.
    Http.Reply recorded = api.get("/v1/flows/" + flowId);
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
    assertThat(recorded.json().path("source").asString()).isEqualTo("last-recorded");
    assertThat(recorded.json().path("state").asString()).isEqualTo("AWAITING_SHOPPER");
    // The order token stays with the flow, also in what the server recorded.
    assertThat(recorded.json().path("providerIds").has("token")).isFalse();
    worker = newWorker();

    String callback = shopperApproves(token);
    Http.Reply landing = api.get(callback);
    assertThat(landing.status()).as(landing.toString()).isEqualTo(303);
    assertThat(landing.header("Location")).isEqualTo("https://www.merchant.com/confirm?flowId=" + flowId + "&status=CAPTURED");
    JsonNode live = api.get("/v1/flows/" + flowId).json();
    assertThat(live.path("state").asString()).isEqualTo("CAPTURED");
    assertThat(live.path("source").asString()).isEqualTo("workflow");
    assertThat(ledger(token, "PAYMENT_CAPTURED")).hasSize(1);
  }

  @Test
  void aWorkerKilledInTheMiddleOfTheCaptureCallIsReplacedAndThePaymentIsCapturedOnce() {
    String flowId = "afterpay-shopa-crash-capturing";
    String token = createCheckout("crash-capturing");
    // Afterpay captures at once but answers 20 s later: the worker dies with the call in flight.
    Http.Reply armed =
        sandbox.post(
            "/sandbox/faults",
            "{\"provider\":\"afterpay\",\"operation\":\"capture\",\"count\":1,\"afterEffect\":true,\"delayMillis\":20000}");
    assertThat(armed.status()).as(armed.toString()).isEqualTo(201);

    String callback = shopperApproves(token);
    CompletableFuture<Http.Reply> landing = CompletableFuture.supplyAsync(() -> api.get(callback));
    // The fault is claimed the moment Afterpay receives the capture.
    Awaitility.await("the capture call reaching Afterpay")
        .atMost(Duration.ofSeconds(60))
        .until(() -> sandbox.get("/sandbox/faults").json().isEmpty());
    assertThat(ledger(token, "PAYMENT_CAPTURED")).hasSize(1);

    worker.kill();
    worker = newWorker();

    // The dead worker's attempt times out (start-to-close) and the new worker sends it again.
    Http.Reply answer = landing.join();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(303);
    assertThat(answer.header("Location")).isEqualTo("https://www.merchant.com/confirm?flowId=" + flowId + "&status=CAPTURED");
    JsonNode status = api.get("/v1/flows/" + flowId).json();
    assertThat(status.path("state").asString()).isEqualTo("CAPTURED");
    assertThat(status.path("capturedAmount").path("amount").asString()).isEqualTo("21.85");
    assertThat(ledger(token, "PAYMENT_CAPTURED")).hasSize(1);
    assertThat(workersStarted).isEqualTo(2);
  }

  // --- helpers --------------------------------------------------------------------------------

  private AppProcess newWorker() {
    workersStarted++;
    return WorkerProcess.start("worker-crash-worker", temporal.target(), Map.of("afterpay", afterpayBaseUrl));
  }

  /** Starts a checkout; answers Afterpay's order token. */
  private static String createCheckout(String merchantReference) {
    Http.Reply created = api.post(Checkouts.PATH, Checkouts.body(merchantReference));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("token").asString();
  }

  /** The shopper approves at Afterpay; answers the callback Afterpay sends the browser to. */
  private static String shopperApproves(String token) {
    Http.Reply approved =
        sandbox.send(sandbox.request("/afterpay/checkout/" + token + "/approve").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(303);
    URI callback = URI.create(approved.header("Location"));
    return callback.getRawPath() + "?" + callback.getRawQuery();
  }

  private static List<JsonNode> ledger(String reference, String type) {
    List<JsonNode> entries = new ArrayList<>();
    sandbox
        .get("/sandbox/ledger?provider=afterpay&reference=" + reference)
        .json()
        .forEach(entry -> {
          if (type.equals(entry.path("type").asString())) {
            entries.add(entry);
          }
        });
    return entries;
  }
}
