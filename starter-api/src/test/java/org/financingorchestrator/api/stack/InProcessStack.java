package org.financingorchestrator.api.stack;

import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.api.StarterApiApplication;
import org.financingorchestrator.api.TestMerchants;
import org.financingorchestrator.api.TestPayloadKey;
import org.financingorchestrator.sandbox.SandboxApplication;
import org.financingorchestrator.sandbox.webhooks.SandboxWebhooksProperties;
import org.financingorchestrator.worker.WorkerApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole stack for an end-to-end test, each piece as it runs in production: the real Temporal
 * dev server (a child process), the sandbox playing every provider over HTTP, the worker with its
 * real clients pointed at the sandbox, and starter-api as run.sh starts it (the local profile's
 * demo merchant, callbacks at its own address, shoppers sent to the sandbox's pages), and the
 * sandbox's demo shop (/demo) as the demo merchant; the apps in this JVM, both with this run's
 * payload key, so histories on the server are encrypted.
 */
public final class InProcessStack implements AutoCloseable {

  private static final List<String> PROVIDERS = List.of("afterpay", "affirm", "chargeafter", "flexiti");

  private final TemporalDevServer temporal;
  private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
  private final int apiPort;
  private int sandboxPort;
  /** The worker sends the demo merchant's webhooks to the sandbox's receiver, as run.sh does. */
  private boolean demoWebhooks;

  private InProcessStack(TemporalDevServer temporal, int apiPort) {
    this.temporal = temporal;
    this.apiPort = apiPort;
  }

  /** A new dev server {@code name} (no UI), the API on a free port with {@code apiArguments} too. */
  public static InProcessStack start(String name, String... apiArguments) {
    return start(TemporalDevServer.start(name), FreePorts.next(), apiArguments);
  }

  /** As {@link #start(String, String...)}, the sandbox with {@code sandboxArguments} too (an order's time to live, say). */
  public static InProcessStack start(String name, List<String> sandboxArguments, String... apiArguments) {
    return start(TemporalDevServer.start(name), FreePorts.next(), sandboxArguments, apiArguments);
  }

  /**
   * As {@link #start(String, String...)}, the worker sending the demo merchant's webhooks, signed
   * with the sandbox receiver's secret, to {@code /sandbox/webhooks/demo}, as run.sh does.
   */
  public static InProcessStack startWithDemoWebhooks(String name, String... apiArguments) {
    InProcessStack stack = new InProcessStack(TemporalDevServer.start(name), FreePorts.next());
    stack.demoWebhooks = true;
    try {
      stack.launch(List.of(), apiArguments);
    } catch (RuntimeException failed) {
      stack.close();
      throw failed;
    }
    return stack;
  }

  /** On a dev server the test started itself (with its UI, say), the API on {@code apiPort}. */
  public static InProcessStack start(TemporalDevServer temporal, int apiPort, String... apiArguments) {
    return start(temporal, apiPort, List.of(), apiArguments);
  }

  private static InProcessStack start(TemporalDevServer temporal, int apiPort, List<String> sandboxArguments, String... apiArguments) {
    InProcessStack stack = new InProcessStack(temporal, apiPort);
    try {
      stack.launch(sandboxArguments, apiArguments);
    } catch (RuntimeException failed) {
      stack.close();
      throw failed;
    }
    return stack;
  }

  private void launch(List<String> sandboxArguments, String... apiArguments) {
    String target = "--spring.temporal.connection.target=" + temporal.target();
    List<String> sandboxAll =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--sandbox.controls.enabled=true",
                WithoutSpringSecurity.ARGUMENT,
                // As run.sh: the demo shop calls the API as the local demo merchant.
                "--sandbox.demo.api-base-url=http://localhost:" + apiPort,
                "--sandbox.demo.api-key=" + TestMerchants.DEMO_KEY));
    sandboxAll.addAll(sandboxArguments);
    ConfigurableApplicationContext sandbox = SandboxApplication.application().run(sandboxAll.toArray(String[]::new));
    apps.add(sandbox);
    sandboxPort = ((WebServerApplicationContext) sandbox).getWebServer().getPort();

    List<String> worker = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", WithoutSpringSecurity.ARGUMENT, target));
    PROVIDERS.forEach(p -> worker.add("--providers." + p + ".base-url=http://localhost:" + sandboxPort + "/" + p));
    if (demoWebhooks) {
      worker.add("--webhooks.merchants.demo.url=http://localhost:" + sandboxPort + "/sandbox/webhooks/demo");
      worker.add("--webhooks.merchants.demo.secret="
          + sandbox.getBean(SandboxWebhooksProperties.class).secrets().get("demo"));
    }
    apps.add(WorkerApplication.application().run(withPayloadKey(worker)));

    List<String> api =
        new ArrayList<>(
            List.of(
                "--server.port=" + apiPort,
                // As deploy/local/run.sh: the demo merchant, with the key README prints.
                "--spring.profiles.active=local",
                "--management.server.port=0",
                target,
                "--callbacks.public-base-url=http://localhost:" + apiPort,
                "--flows.afterpay.shopper-checkout-url=http://localhost:" + sandboxPort + "/afterpay/checkout?token={token}",
                "--flows.affirm.affirm-js-checkout-url=http://localhost:" + sandboxPort + "/affirm/js/checkout"));
    api.addAll(List.of(apiArguments));
    apps.add(StarterApiApplication.application().run(withPayloadKey(api)));
  }

  private static String[] withPayloadKey(List<String> arguments) {
    List<String> all = new ArrayList<>(TestPayloadKey.arguments());
    all.addAll(arguments);
    return all.toArray(String[]::new);
  }

  public TemporalDevServer temporal() {
    return temporal;
  }

  public int sandboxPort() {
    return sandboxPort;
  }

  public int apiPort() {
    return apiPort;
  }

  /** starter-api's context, for its beans (the callback signer, say). */
  public ConfigurableApplicationContext api() {
    return apps.get(apps.size() - 1);
  }

  @Override
  public void close() {
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.get(i).close();
    }
    temporal.close();
  }
}
