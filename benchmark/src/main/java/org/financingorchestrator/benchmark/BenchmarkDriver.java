package org.financingorchestrator.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.financingorchestrator.benchmark.affirm.AffirmLoad;
import org.financingorchestrator.benchmark.afterpay.AfterpayLoad;
import org.financingorchestrator.benchmark.chargeafter.ChargeAfterLoad;
import org.financingorchestrator.benchmark.flexiti.FlexitiLoad;
import org.financingorchestrator.benchmark.common.Arguments;
import org.financingorchestrator.benchmark.common.ClosedLoop;
import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.Http;
import org.financingorchestrator.benchmark.common.JvmProbe;
import org.financingorchestrator.benchmark.common.LoadFigures;
import org.financingorchestrator.benchmark.common.ParkedFigures;
import org.financingorchestrator.benchmark.common.Parking;
import org.financingorchestrator.benchmark.common.ProcessCpu;
import org.financingorchestrator.benchmark.common.ProviderLoad;
import org.financingorchestrator.benchmark.common.Processes;
import org.financingorchestrator.benchmark.common.ServerFigures;
import org.financingorchestrator.benchmark.floor.FloorScript;

/**
 * The load driver: plays merchants and shoppers against one server's stack (started by
 * deploy/local/benchmark.sh), measuring in turn the engine floor, the stack and the direct
 * baseline in windows of the same length and load, then the cost of parked flows; writes the
 * figures as JSON for {@link BenchmarkReport}.
 */
public final class BenchmarkDriver {

  /** Every provider's load, in the order they are measured. */
  private static final List<ProviderLoad> PROVIDERS = List.of(new AfterpayLoad(), new ChargeAfterLoad(), new FlexitiLoad(), new AffirmLoad());

  private final Arguments arguments;
  private final String server;
  private final Path pids;
  private final int inFlight;
  private final Duration warmUp;
  private final Duration window;
  private final Http http = new Http();

  private BenchmarkDriver(Arguments arguments) {
    this.arguments = arguments;
    this.server = arguments.required("server");
    this.pids = Path.of(arguments.required("pids"));
    this.inFlight = arguments.number("in-flight", 64);
    this.warmUp = arguments.duration("warm-up", Duration.ofSeconds(20));
    this.window = arguments.duration("window", Duration.ofSeconds(60));
  }

  public static void main(String[] args) throws Exception {
    new BenchmarkDriver(new Arguments(args)).run();
  }

  private void run() throws Exception {
    String api = arguments.required("api");
    String sandbox = arguments.required("sandbox");
    String direct = arguments.required("direct");
    String authorization = "Bearer " + arguments.required("api-key");
    String run = arguments.text("run-id", Long.toString(System.currentTimeMillis(), 36));
    int rounds = arguments.number("rounds", 1);
    int parked = arguments.number("parked", 10_000);

    WorkflowClient temporal =
        WorkflowClient.newInstance(
            WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(arguments.required("temporal")).build()));

    java.util.Set<String> systems = java.util.Set.of(arguments.text("systems", "floor,stack,direct").split(","));
    boolean devServer = server.equals("dev-server");
    JvmProbe testServer = devServer ? null : JvmProbe.attach(pid("temporal"));
    ProcessCpu temporalCpu = devServer ? new ProcessCpu(pid("temporal")) : testServer.cpu();
    JvmProbe worker = systems.contains("stack") || parked > 0 ? JvmProbe.attach(pid("worker")) : null;

    ProviderLoad.Endpoints endpoints = new ProviderLoad.Endpoints(http, api, authorization, sandbox, direct);
    Map<String, ProviderLoad> loads = new LinkedHashMap<>();
    for (ProviderLoad load : PROVIDERS) {
      loads.put(load.provider(), load);
    }
    List<String> providers = List.of(arguments.text("providers", String.join(",", loads.keySet())).split(","));
    Processes floorProcesses =
        systems.contains("floor")
            ? new Processes().jvm("worker", JvmProbe.attach(pid("floor-worker"))).process("temporal", temporalCpu)
            : null;
    Processes stackProcesses =
        systems.contains("stack")
            ? new Processes().jvm("worker", worker).jvm("starter-api", JvmProbe.attach(pid("starter-api")))
                .process("temporal", temporalCpu).process("sandbox", new ProcessCpu(pid("sandbox")))
            : null;
    Processes directProcesses =
        systems.contains("direct")
            ? new Processes().jvm("direct", JvmProbe.attach(pid("direct"))).process("sandbox", new ProcessCpu(pid("sandbox")))
            : null;

    List<LoadFigures> windows = new ArrayList<>();
    // Alternating, so that drift on the machine (the dev server's database growing, the JIT,
    // other load) falls on each system alike. The floor has one shape for every provider.
    for (int round = 1; round <= rounds; round++) {
      String prefix = "bench-" + run + "-r" + round;
      if (floorProcesses != null) {
        windows.add(measure(new ClosedLoop("floor", "engine", inFlight, prefix + "-floor"), new FloorScript(temporal, arguments.text("floor-as-api", "").contains("two-step"), arguments.text("floor-as-api", "").contains("query")), floorProcesses));
      }
      for (String provider : providers) {
        ProviderLoad load = loads.get(provider);
        if (load == null) {
          throw new IllegalArgumentException("No load for provider " + provider + "; known: " + loads.keySet());
        }
        if (stackProcesses != null) {
          windows.add(measure(new ClosedLoop("stack", provider, inFlight, prefix + "-stack"), load.stack(endpoints), stackProcesses));
        }
        if (directProcesses != null) {
          windows.add(measure(new ClosedLoop("direct", provider, inFlight, prefix + "-direct"), load.direct(endpoints), directProcesses));
        }
      }
    }

    List<ParkedFigures> parkedFigures = new ArrayList<>();
    if (parked > 0) {
      say("Parking %d Afterpay checkouts for the shopper ...", parked);
      Parking parking = new Parking(worker, devServer ? Path.of(arguments.required("db")) : null, testServer);
      parkedFigures.add(
          parking.park("afterpay", parked, inFlight, reference -> new AfterpayLoad().stack(endpoints).create("bench-" + run + "-parked-" + reference).failure()));
      ParkedFigures last = parkedFigures.get(parkedFigures.size() - 1);
      say("  worker heap %s -> %s after a full GC; server %s %s -> %s (%.0f bytes a flow); %d errors",
          mb(last.workerHeapBeforeBytes()), mb(last.workerHeapAfterBytes()), last.serverGrowthMeasure(),
          mb(last.serverBeforeBytes()), mb(last.serverAfterBytes()), last.serverBytesPerFlow(), last.errors());
    }

    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Path out = Path.of(arguments.required("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    json.writeValue(out.toFile(), new ServerFigures(server, Instant.now().toString(), arguments.text("jvm", ""), windows, parkedFigures));
    say("Figures: %s", out);
    System.exit(0);
  }

  private LoadFigures measure(ClosedLoop loop, FlowScript script, Processes processes)
      throws InterruptedException {
    LoadFigures figures = loop.run(script, warmUp, window, processes);
    say("%-11s %-6s %-8s %7.1f flows/s  %5d errors %s  wait p50 %7.1f p95 %7.1f p99 %7.1f ms  cpu/flow %s  alloc/flow %s",
        server, figures.system(), figures.provider(), figures.flowsPerSecond(), figures.errors(),
        figures.errorsByReason().isEmpty() ? "" : figures.errorsByReason().toString(),
        figures.waitP50Millis(), figures.waitP95Millis(), figures.waitP99Millis(),
        figures.cpuSecondsPerFlow(), figures.allocatedBytesPerFlow());
    return figures;
  }

  private long pid(String name) throws Exception {
    return Long.parseLong(Files.readString(pids.resolve(name + ".pid")).trim());
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
