package org.financingorchestrator.api.crash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.api.StarterApiApplication;
import org.financingorchestrator.api.TestPayloadKey;
import org.financingorchestrator.api.stack.AppProcess;
import org.financingorchestrator.api.stack.FreePorts;
import org.financingorchestrator.api.stack.TemporalDevServer;
import org.financingorchestrator.api.stack.WithoutSpringSecurity;
import org.financingorchestrator.api.stack.WorkerProcess;
import org.financingorchestrator.sandbox.SandboxApplication;

/**
 * The stack as production runs it, one process each: the real Temporal dev server on a database
 * file, the sandbox (every provider, with latency), two workers on the same task queues, and
 * starter-api (the local profile's demo merchant). Each worker names the sandbox by a host of its
 * own (127.0.0.1, localhost), so the sandbox's in-flight calls say which worker is calling.
 */
final class CrashStack implements AutoCloseable {

  static final List<String> WORKER_HOSTS = List.of("127.0.0.1", "localhost");

  private final TemporalDevServer temporal;
  private final List<AppProcess> apps = new ArrayList<>();
  private final Map<String, AppProcess> workersByHost = new LinkedHashMap<>();
  private final int sandboxPort = FreePorts.next();
  private final int apiPort = FreePorts.next();
  private AppProcess api;

  private CrashStack(TemporalDevServer temporal) {
    this.temporal = temporal;
  }

  static CrashStack start(CrashPlan plan, List<CrashScripts> scripts) {
    CrashStack stack = new CrashStack(TemporalDevServer.start("crash-suite"));
    try {
      stack.launch(plan, scripts);
    } catch (RuntimeException failed) {
      stack.close();
      throw failed;
    }
    return stack;
  }

  private void launch(CrashPlan plan, List<CrashScripts> scripts) {
    List<String> sandbox =
        new ArrayList<>(
            List.of(
                "--server.port=" + sandboxPort,
                "--sandbox.controls.enabled=true",
                "--sandbox.latency=" + plan.latency(),
                WithoutSpringSecurity.ARGUMENT));
    scripts.forEach(s -> sandbox.addAll(s.sandboxArguments(plan.expiry())));
    apps.add(AppProcess.start("crash-sandbox", SandboxApplication.class, sandbox, Map.of(), "-Xmx384m"));

    for (int i = 0; i < WORKER_HOSTS.size(); i++) {
      String host = WORKER_HOSTS.get(i);
      Map<String, String> baseUrls = new LinkedHashMap<>();
      CrashSuite.ALL_PROVIDERS.forEach(p -> baseUrls.put(p, "http://" + host + ":" + sandboxPort + "/" + p));
      AppProcess worker = WorkerProcess.start("crash-worker-" + (i + 1), temporal.target(), baseUrls, WithoutSpringSecurity.ARGUMENT);
      apps.add(worker);
      workersByHost.put(host, worker);
    }

    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=" + apiPort,
                // As deploy/local/run.sh: the demo merchant, with the key README prints.
                "--spring.profiles.active=local",
                "--spring.temporal.connection.target=" + temporal.target(),
                "--callbacks.public-base-url=http://localhost:" + apiPort));
    scripts.forEach(s -> arguments.addAll(s.apiArguments(plan.expiry())));
    api = AppProcess.start("crash-api", StarterApiApplication.class, arguments, TestPayloadKey.environment(), "-Xmx512m");
    apps.add(api);
  }

  TemporalDevServer temporal() {
    return temporal;
  }

  AppProcess api() {
    return api;
  }

  /** The worker that calls the sandbox as {@code host}, or null. */
  AppProcess workerCalling(String host) {
    return workersByHost.get(host);
  }

  String apiBase() {
    return "http://localhost:" + apiPort;
  }

  String sandboxBase() {
    return "http://localhost:" + sandboxPort;
  }

  @Override
  public void close() {
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.get(i).close();
    }
    temporal.close();
  }
}
