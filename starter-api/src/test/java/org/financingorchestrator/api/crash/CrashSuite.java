package org.financingorchestrator.api.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.affirm.AffirmCrashScripts;
import org.financingorchestrator.api.afterpay.AfterpayCrashScripts;
import org.financingorchestrator.api.chargeafter.ChargeAfterCrashScripts;
import org.financingorchestrator.api.flexiti.FlexitiCrashScripts;
import tools.jackson.databind.JsonNode;

/**
 * The crash suite: starts the stack as separate processes ({@link CrashStack}), starts {@code
 * plan.flows()} flows at an even pace over {@code plan.duration()} (each provider's ends in turn,
 * driven by its {@link CrashScripts}) while {@link Chaos} kills workers and starter-api and
 * restarts the Temporal server, then checks every flow: its status reaches the scripted end, the
 * ledger holds its effects exactly once, the status agrees with the ledger.
 */
public final class CrashSuite {

  /** Every provider's script; a provider flow added later adds its own here. */
  static final List<CrashScripts> PROVIDERS =
      List.of(new AfterpayCrashScripts(), new AffirmCrashScripts(), new ChargeAfterCrashScripts(), new FlexitiCrashScripts());

  static final List<String> ALL_PROVIDERS = List.of("afterpay", "affirm", "chargeafter", "flexiti");

  /** How long after the last flow started its end may take: the expiry, and a capture retried after a crash. */
  private static final Duration SETTLE_AFTER = Duration.ofMinutes(3);

  private final CrashPlan plan;
  private final List<CrashScripts> scripts;

  public CrashSuite(CrashPlan plan) {
    this.plan = plan;
    Map<String, CrashScripts> byName = PROVIDERS.stream().collect(Collectors.toMap(CrashScripts::provider, Function.identity()));
    this.scripts =
        plan.providers().stream()
            .map(p -> {
              CrashScripts found = byName.get(p);
              if (found == null) {
                throw new IllegalArgumentException("No crash script for provider " + p + "; have " + byName.keySet());
              }
              return found;
            })
            .toList();
  }

  public static List<String> providers() {
    return PROVIDERS.stream().map(CrashScripts::provider).toList();
  }

  /** Runs the plan; answers its figures (which say whether it held). */
  public CrashFigures run() {
    long started = System.nanoTime();
    try (CrashStack stack = CrashStack.start(plan, scripts)) {
      CrashCalls calls = new CrashCalls(stack.apiBase(), stack.sandboxBase());
      CrashFigures figures = new CrashFigures(plan);
      figures.startUpSeconds(seconds(System.nanoTime() - started));

      long driving = System.nanoTime();
      Chaos chaos = new Chaos(stack, calls, plan);
      ExecutorService chaosThread = Executors.newSingleThreadExecutor();
      CompletableFuture<Void> crashes = CompletableFuture.runAsync(() -> chaos.run(driving), chaosThread);
      FaultCampaign faults = new FaultCampaign(calls, plan.providers());
      ScheduledExecutorService faultRounds = Executors.newSingleThreadScheduledExecutor();
      for (int k = 0; k < plan.faultRounds(); k++) {
        int round = k;
        faultRounds.schedule(() -> faults.armRound(round), plan.duration().toNanos() * k / plan.faultRounds(), TimeUnit.NANOSECONDS);
      }
      List<ScriptedFlow> flows = driveAll(calls, figures, crashes);
      crashes.join();
      chaosThread.shutdown();
      faultRounds.shutdown();
      figures.events(chaos.events());
      figures.drivenSeconds(seconds(System.nanoTime() - driving));

      Map<ScriptedFlow, JsonNode> ended = awaitEnds(calls, flows, figures);
      figures.settledSeconds(seconds(System.nanoTime() - driving));
      checkLedger(calls, ended, figures);
      figures.faults(faults.rounds(), faults.armedCount(), faults.claimed());
      figures.retries(calls.retries());
      figures.totalSeconds(seconds(System.nanoTime() - started));
      return figures;
    }
  }

  /**
   * Starts a flow every duration / flows, each driven on a pool of plan.concurrency() threads, at
   * least plan.flows() of them and on until {@code crashes} are over, so every crash meets flows
   * in flight; answers them once each has been driven.
   */
  private List<ScriptedFlow> driveAll(CrashCalls calls, CrashFigures figures, CompletableFuture<Void> crashes) {
    ExecutorService drivers = Executors.newFixedThreadPool(plan.concurrency());
    ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    List<CompletableFuture<ScriptedFlow>> driven = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> allStarted = new CompletableFuture<>();
    AtomicInteger next = new AtomicInteger();
    try {
      pace.scheduleAtFixedRate(
          () -> {
            int n = next.get();
            if (n >= plan.flows() && crashes.isDone()) {
              allStarted.complete(null);
              return;
            }
            next.incrementAndGet();
            CrashScripts script = scripts.get(n % scripts.size());
            String end = script.ends().get((n / scripts.size()) % script.ends().size());
            driven.add(CompletableFuture.supplyAsync(() -> drive(script, end, n, calls, figures), drivers));
          },
          0,
          plan.duration().toNanos() / plan.flows(),
          TimeUnit.NANOSECONDS);
      allStarted.join();
      pace.shutdownNow();
      List<ScriptedFlow> flows = new ArrayList<>();
      for (CompletableFuture<ScriptedFlow> flow : List.copyOf(driven)) {
        ScriptedFlow done = flow.join();
        if (done != null) {
          flows.add(done);
          figures.started(done);
        }
      }
      return flows;
    } finally {
      pace.shutdownNow();
      drivers.shutdownNow();
    }
  }

  /** The flow as its script drove it, or null (counted as failed to drive) when the script could not. */
  private static ScriptedFlow drive(CrashScripts script, String end, int n, CrashCalls calls, CrashFigures figures) {
    try {
      return script.drive(end, n, calls);
    } catch (RuntimeException e) {
      figures.driveFailed(script.provider() + " " + end + " #" + n + ": " + e.getMessage());
      return null;
    }
  }

  /** Polls every flow's status until it shows its scripted state; those that never do are stuck. */
  private Map<ScriptedFlow, JsonNode> awaitEnds(CrashCalls calls, List<ScriptedFlow> flows, CrashFigures figures) {
    Map<ScriptedFlow, JsonNode> ended = Collections.synchronizedMap(new LinkedHashMap<>());
    Map<ScriptedFlow, String> lastSeen = Collections.synchronizedMap(new LinkedHashMap<>());
    Set<ScriptedFlow> pending = Collections.synchronizedSet(new HashSet<>(flows));
    try {
      Awaitility.await("every flow at its scripted end")
          .atMost(plan.expiry().plus(SETTLE_AFTER))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                for (ScriptedFlow flow : List.copyOf(pending)) {
                  Http.Reply status = calls.merchant("GET", "/v1/flows/" + flow.flowId(), null);
                  JsonNode json = status.status() == 200 ? status.json() : null;
                  String state = json == null ? status.toString() : json.path("state").asString();
                  lastSeen.put(flow, state);
                  if (flow.state().equals(state)) {
                    ended.put(flow, json);
                    pending.remove(flow);
                  }
                }
                return pending.isEmpty();
              });
    } catch (ConditionTimeoutException timedOut) {
      // What is still pending is stuck; the figures list each with the state it shows.
    }
    synchronized (pending) {
      pending.forEach(flow -> figures.stuck(flow, lastSeen.getOrDefault(flow, "never read")));
    }
    return ended;
  }

  private void checkLedger(CrashCalls calls, Map<ScriptedFlow, JsonNode> ended, CrashFigures figures) {
    List<JsonNode> ledger = new ArrayList<>();
    calls.sandbox("GET", "/sandbox/ledger", null).json().forEach(ledger::add);
    Map<String, CrashScripts> byName = scripts.stream().collect(Collectors.toMap(CrashScripts::provider, Function.identity()));
    Set<Long> ofAFlow = new HashSet<>();
    ended.forEach(
        (flow, status) -> {
          CrashScripts script = byName.get(flow.provider());
          Set<String> references = script.references(flow, status);
          List<JsonNode> entries =
              ledger.stream()
                  .filter(entry -> flow.provider().equals(entry.path("provider").asString()))
                  .filter(entry -> refersTo(entry, references))
                  .toList();
          entries.forEach(entry -> ofAFlow.add(entry.path("seq").asLong()));
          for (String type : script.effectTypes()) {
            long found = entries.stream().filter(e -> type.equals(e.path("type").asString())).count();
            figures.effects(flow, type, flow.effectCount(type), found);
          }
          script.disagreements(flow, status, entries).forEach(why -> figures.disagrees(flow, why));
        });
    // Effects no flow owns: what a call whose answer was lost left behind where the provider has
    // no idempotency key for it (a second ChargeAfter session, say). Shown, not failed: no flow
    // acts on them, and a money effect of a flow is counted above.
    Map<String, Integer> unowned = new TreeMap<>();
    for (JsonNode entry : ledger) {
      CrashScripts script = byName.get(entry.path("provider").asString());
      String type = entry.path("type").asString();
      if (script != null && script.effectTypes().contains(type) && !ofAFlow.contains(entry.path("seq").asLong())) {
        unowned.merge(script.provider() + "." + type, 1, Integer::sum);
      }
    }
    figures.unowned(unowned);
  }

  private static boolean refersTo(JsonNode entry, Set<String> references) {
    if (references.contains(entry.path("requestId").asString(""))) {
      return true;
    }
    for (JsonNode value : entry.path("references")) {
      if (references.contains(value.asString())) {
        return true;
      }
    }
    return false;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
