package org.financingorchestrator.api.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.financingorchestrator.api.stack.AppProcess;
import tools.jackson.databind.JsonNode;

/**
 * The crashes of one run, spread over the time flows are being started, one after another (each
 * waits until the stack is whole again): SIGKILL of the worker that has a provider call in flight,
 * SIGKILL of starter-api while callers are calling, a restart of the Temporal dev server on its
 * database. Each kill is followed by a start of the same process, as a supervisor would.
 */
final class Chaos {

  enum Kind {
    WORKER_KILL,
    API_KILL,
    SERVER_RESTART,
    /** SIGTERM on starter-api with callbacks waiting: it must answer them and exit within its bound. */
    API_STOP,
    /** SIGTERM on a worker with a provider call in flight: it must let it finish and exit within its bound. */
    WORKER_STOP
  }

  /** How long a SIGTERM may take: starter-api's shutdown phase (10 s), the worker's activity grace (20 s), and a JVM's exit. */
  static final Duration API_STOP_BOUND = Duration.ofSeconds(15);
  static final Duration WORKER_STOP_BOUND = Duration.ofSeconds(30);

  /**
   * One crash: what, when (seconds into the run), what was in flight, how long until whole again;
   * for a SIGTERM, how long the process took to exit (-1 when it did not within its bound).
   */
  record Event(Kind kind, double atSeconds, String victim, int inFlight, String inFlightDetail, double recoveredSeconds, double exitSeconds) {

    Event(Kind kind, double atSeconds, String victim, int inFlight, String inFlightDetail, double recoveredSeconds) {
      this(kind, atSeconds, victim, inFlight, inFlightDetail, recoveredSeconds, 0);
    }
  }

  private record Planned(Kind kind, double fraction) {}

  private static final Duration FIND_A_CALL_WITHIN = Duration.ofSeconds(30);

  private final CrashStack stack;
  private final CrashCalls calls;
  private final CrashPlan plan;
  private final List<Event> events = new ArrayList<>();

  Chaos(CrashStack stack, CrashCalls calls, CrashPlan plan) {
    this.stack = stack;
    this.calls = calls;
    this.plan = plan;
  }

  /**
   * Runs every planned crash, the first at its share of {@code plan.duration()} after {@code
   * startNanos}; returns when the last one has recovered.
   */
  void run(long startNanos) {
    for (Planned planned : schedule()) {
      long dueNanos = startNanos + (long) (plan.duration().toNanos() * planned.fraction());
      waitUntil(dueNanos);
      double at = seconds(System.nanoTime() - startNanos);
      Event event =
          switch (planned.kind()) {
            case WORKER_KILL -> killAWorkerMidCall(at);
            case API_KILL -> killTheApi(at);
            case SERVER_RESTART -> restartTheServer(at);
            case API_STOP -> stopTheApi(at);
            case WORKER_STOP -> stopAWorkerMidCall(at);
          };
      synchronized (events) {
        events.add(event);
      }
    }
  }

  List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** Each kind's crashes spread evenly over the run, the kinds offset so they do not fall together. */
  private List<Planned> schedule() {
    List<Planned> planned = new ArrayList<>();
    spread(planned, Kind.WORKER_KILL, plan.workerKills(), 0.5);
    spread(planned, Kind.API_KILL, plan.apiKills(), 0.35);
    spread(planned, Kind.SERVER_RESTART, plan.serverRestarts(), 0.65);
    spread(planned, Kind.API_STOP, plan.gracefulStops(), 0.2);
    spread(planned, Kind.WORKER_STOP, plan.gracefulStops(), 0.8);
    planned.sort(Comparator.comparingDouble(Planned::fraction));
    return planned;
  }

  private static void spread(List<Planned> planned, Kind kind, int count, double offset) {
    for (int i = 0; i < count; i++) {
      planned.add(new Planned(kind, (i + offset) / count));
    }
  }

  private Event killAWorkerMidCall(double at) {
    WorkerCall call = aWorkerMidCall();
    call.worker().kill();
    long killed = System.nanoTime();
    call.worker().restart();
    return new Event(Kind.WORKER_KILL, at, call.worker().name(), call.paths().size(), String.join(", ", call.paths()), seconds(System.nanoTime() - killed));
  }

  private Event stopAWorkerMidCall(double at) {
    WorkerCall call = aWorkerMidCall();
    long stopping = System.nanoTime();
    boolean exited = call.worker().terminate(WORKER_STOP_BOUND);
    double exit = exited ? seconds(System.nanoTime() - stopping) : -1;
    if (!exited) {
      call.worker().kill();
    }
    call.worker().restart();
    return new Event(Kind.WORKER_STOP, at, call.worker().name(), call.paths().size(), String.join(", ", call.paths()), seconds(System.nanoTime() - stopping), exit);
  }

  private Event stopTheApi(double at) {
    awaitACallback();
    Map<String, Integer> inFlight = calls.inFlight();
    int waiting = inFlight.getOrDefault("browser", 0) + inFlight.getOrDefault("merchant", 0);
    AppProcess api = stack.api();
    long stopping = System.nanoTime();
    boolean exited = api.terminate(API_STOP_BOUND);
    double exit = exited ? seconds(System.nanoTime() - stopping) : -1;
    if (!exited) {
      api.kill();
    }
    api.restart();
    return new Event(Kind.API_STOP, at, api.name(), waiting, "requests waiting: " + inFlight, seconds(System.nanoTime() - stopping), exit);
  }

  /** A worker and the provider calls it has in flight now (none found within 30 s: any worker, no calls). */
  private record WorkerCall(AppProcess worker, List<String> paths) {}

  private WorkerCall aWorkerMidCall() {
    AtomicReference<List<JsonNode>> found = new AtomicReference<>(List.of());
    AtomicReference<String> host = new AtomicReference<>();
    try {
      Awaitility.await("a worker with a provider call in flight")
          .atMost(FIND_A_CALL_WITHIN)
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                List<JsonNode> inFlight = new ArrayList<>();
                calls.sandbox("GET", "/sandbox/in-flight", null).json().forEach(inFlight::add);
                for (JsonNode call : inFlight) {
                  String caller = call.path("host").asString().replaceFirst(":\\d+$", "");
                  AppProcess worker = stack.workerCalling(caller);
                  if (worker != null && worker.isAlive()) {
                    host.set(caller);
                    found.set(inFlight.stream().filter(c -> c.path("host").asString().startsWith(caller + ":")).toList());
                    return true;
                  }
                }
                return false;
              });
    } catch (ConditionTimeoutException none) {
      // Killed anyway; the figures show the kill found no call in flight, and the suite fails.
      host.set(CrashStack.WORKER_HOSTS.get(events.size() % CrashStack.WORKER_HOSTS.size()));
    }
    List<String> paths = found.get().stream().map(c -> c.path("method").asString() + " " + c.path("path").asString()).toList();
    return new WorkerCall(stack.workerCalling(host.get()), paths);
  }

  private Event killTheApi(double at) {
    awaitACallback();
    Map<String, Integer> inFlight = calls.inFlight();
    int cut = inFlight.getOrDefault("browser", 0) + inFlight.getOrDefault("merchant", 0);
    AppProcess api = stack.api();
    api.kill();
    long killed = System.nanoTime();
    api.restart();
    return new Event(Kind.API_KILL, at, api.name(), cut, "requests cut: " + inFlight, seconds(System.nanoTime() - killed));
  }

  private void awaitACallback() {
    try {
      Awaitility.await("a shopper's callback in flight")
          .atMost(FIND_A_CALL_WITHIN)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> calls.inFlight().getOrDefault("browser", 0) > 0);
    } catch (ConditionTimeoutException none) {
      // Stopped anyway; the figures show no callback was waiting, and the suite fails.
    }
  }

  private Event restartTheServer(double at) {
    Map<String, Integer> inFlight = calls.inFlight();
    int waiting = inFlight.getOrDefault("browser", 0) + inFlight.getOrDefault("merchant", 0);
    long stopped = System.nanoTime();
    stack.temporal().restart();
    return new Event(Kind.SERVER_RESTART, at, "temporal dev server", waiting, "requests waiting: " + inFlight, seconds(System.nanoTime() - stopped));
  }

  private static void waitUntil(long dueNanos) {
    long left = dueNanos - System.nanoTime();
    if (left > 0) {
      // The crash's moment in the run, not a wait for a condition: nothing else decides it.
      try {
        Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
