package org.financingorchestrator.api.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What one run of the crash suite did and found; it held when nothing is duplicated, missing, stuck or disagreeing. */
public final class CrashFigures {

  private final CrashPlan plan;
  private final Map<String, Map<String, Integer>> flows = new TreeMap<>();
  private final List<String> driveFailures = new ArrayList<>();
  private final List<String> stuck = new ArrayList<>();
  private final List<String> disagreements = new ArrayList<>();
  private final List<String> duplicated = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  private List<Chaos.Event> events = List.of();
  private Map<String, Long> retries = Map.of();
  private Map<String, Integer> unowned = Map.of();
  private List<String> faultRounds = List.of();
  private int faultsArmed;
  private Map<String, Integer> faultsClaimed = Map.of();
  private long effectsExpected;
  private long effectsFound;
  private double startUpSeconds;
  private double drivenSeconds;
  private double settledSeconds;
  private double totalSeconds;

  CrashFigures(CrashPlan plan) {
    this.plan = plan;
  }

  /** Whether the stack held: every flow driven and at its end, each effect once, statuses agreeing, every kill mid-call. */
  public boolean held() {
    return driveFailures.isEmpty()
        && stuck.isEmpty()
        && disagreements.isEmpty()
        && duplicated.isEmpty()
        && missing.isEmpty()
        && effectsExpected == effectsFound
        && flowCount() >= plan.flows()
        && (plan.faultRounds() == 0 || faultsInjected() > 0)
        && kills(Chaos.Kind.WORKER_KILL) == plan.workerKills()
        && kills(Chaos.Kind.API_KILL) == plan.apiKills()
        && kills(Chaos.Kind.SERVER_RESTART) == plan.serverRestarts()
        && kills(Chaos.Kind.API_STOP) == plan.gracefulStops()
        && kills(Chaos.Kind.WORKER_STOP) == plan.gracefulStops()
        // A SIGTERM ends the process within its bound (exit -1: it did not).
        && events.stream().allMatch(e -> e.exitSeconds() >= 0)
        // A kill counts only where it hurts: a worker with a provider call in flight, the API with requests.
        && events.stream().filter(e -> e.kind() != Chaos.Kind.SERVER_RESTART).allMatch(e -> e.inFlight() > 0);
  }

  public int flowCount() {
    return flows.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
  }

  public long kills(Chaos.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).count();
  }

  public long duplicates() {
    return duplicated.size();
  }

  public long stuckCount() {
    return stuck.size();
  }

  synchronized void started(ScriptedFlow flow) {
    flows.computeIfAbsent(flow.provider(), p -> new TreeMap<>()).merge(flow.end(), 1, Integer::sum);
  }

  synchronized void driveFailed(String why) {
    driveFailures.add(why);
  }

  synchronized void stuck(ScriptedFlow flow, String state) {
    stuck.add(flow.flowId() + " (" + flow.end() + "): expected " + flow.state() + ", shows " + state);
  }

  synchronized void disagrees(ScriptedFlow flow, String why) {
    disagreements.add(flow.flowId() + ": " + why);
  }

  synchronized void effects(ScriptedFlow flow, String type, long expected, long found) {
    effectsExpected += expected;
    effectsFound += found;
    if (found > expected) {
      duplicated.add(flow.flowId() + ": " + type + " " + found + " times, expected " + expected);
    } else if (found < expected) {
      missing.add(flow.flowId() + ": " + type + " " + found + " times, expected " + expected);
    }
  }

  void events(List<Chaos.Event> events) {
    this.events = List.copyOf(events);
  }

  void faults(List<String> rounds, int armed, Map<String, Integer> claimed) {
    this.faultRounds = rounds;
    this.faultsArmed = armed;
    this.faultsClaimed = claimed;
  }

  /** Provider faults a call met in this run. */
  public int faultsInjected() {
    return faultsClaimed.values().stream().mapToInt(Integer::intValue).sum();
  }

  void unowned(Map<String, Integer> unowned) {
    this.unowned = Map.copyOf(unowned);
  }

  void retries(Map<String, Long> retries) {
    this.retries = Map.copyOf(retries);
  }

  void startUpSeconds(double seconds) {
    startUpSeconds = seconds;
  }

  void drivenSeconds(double seconds) {
    drivenSeconds = seconds;
  }

  void settledSeconds(double seconds) {
    settledSeconds = seconds;
  }

  void totalSeconds(double seconds) {
    totalSeconds = seconds;
  }

  /** The figures as the suite prints them. */
  public synchronized String report() {
    StringBuilder out = new StringBuilder();
    line(out, "Crash suite: %s", held() ? "HELD" : "FAILED");
    line(out, "  plan: %s", plan.asProperties());
    line(out, "  flows: %d started, %s", flowCount(), flows);
    line(out, "  worker kills (SIGKILL, a provider call in flight): %d", kills(Chaos.Kind.WORKER_KILL));
    line(out, "  starter-api kills (SIGKILL, shoppers' callbacks in flight): %d", kills(Chaos.Kind.API_KILL));
    line(out, "  Temporal dev server restarts: %d", kills(Chaos.Kind.SERVER_RESTART));
    line(out, "  graceful stops (SIGTERM, exited within %d s / %d s): starter-api %d, worker %d",
        Chaos.API_STOP_BOUND.toSeconds(), Chaos.WORKER_STOP_BOUND.toSeconds(), kills(Chaos.Kind.API_STOP), kills(Chaos.Kind.WORKER_STOP));
    for (Chaos.Event e : events) {
      String exit = e.kind() == Chaos.Kind.API_STOP || e.kind() == Chaos.Kind.WORKER_STOP
          ? (e.exitSeconds() < 0 ? ", DID NOT EXIT in time" : String.format(Locale.ROOT, ", exited in %.1f s", e.exitSeconds()))
          : "";
      line(out, "    at %6.1f s %-14s %-20s in flight %2d%s, whole again in %5.1f s  %s", e.atSeconds(), e.kind(), e.victim(), e.inFlight(), exit, e.recoveredSeconds(), e.inFlightDetail());
    }
    line(out, "  provider faults injected (claimed by a call / armed): %d / %d, in rounds %s", faultsInjected(), faultsArmed, faultRounds);
    line(out, "    by provider call: %s", faultsClaimed);
    line(out, "  callers' retries (connection refused or reset, 429 after its Retry-After, 502, 503, 504): %s", retries);
    line(out, "  effects (orders, authorizations, captures, refunds, transactions): expected %d, found %d", effectsExpected, effectsFound);
    line(out, "  effects duplicated: %d", duplicated.size());
    line(out, "  effects no flow owns (a lost answer where the provider has no idempotency key): %s", new TreeMap<>(unowned));
    line(out, "  effects missing: %d", missing.size());
    line(out, "  statuses disagreeing with the ledger: %d", disagreements.size());
    line(out, "  stuck (not at the scripted end): %d", stuck.size());
    line(out, "  failed to drive: %d", driveFailures.size());
    line(out, "  seconds: start-up %.0f, flows started over %.0f, all ended after %.0f, total %.0f", startUpSeconds, drivenSeconds, settledSeconds, totalSeconds);
    list(out, "duplicated", duplicated);
    list(out, "missing", missing);
    list(out, "disagreeing", disagreements);
    list(out, "stuck", stuck);
    list(out, "failed to drive", driveFailures);
    return out.toString();
  }

  /** Writes the report to {@code file} too, for README's figures. */
  public void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, report());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void list(StringBuilder out, String what, List<String> items) {
    items.stream().limit(10).forEach(item -> line(out, "  %s: %s", what, item.length() > 300 ? item.substring(0, 300) + "..." : item));
    if (items.size() > 10) {
      line(out, "  %s: ... %d more", what, items.size() - 10);
    }
  }

  private static void line(StringBuilder out, String format, Object... arguments) {
    out.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
