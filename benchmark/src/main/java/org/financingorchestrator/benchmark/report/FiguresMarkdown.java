package org.financingorchestrator.benchmark.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.financingorchestrator.benchmark.common.LoadFigures;
import org.financingorchestrator.benchmark.common.ParkedFigures;
import org.financingorchestrator.benchmark.common.ServerFigures;

/** The last run's figures as BENCHMARKS.md shows them: tables, ratios and the targets met or not. */
final class FiguresMarkdown {

  static final double THROUGHPUT_TARGET = 0.8;
  static final double WAIT_P95_TARGET = 1.5;
  static final long PARKED_HEAP_TARGET_BYTES = 200_000_000L;

  private final Machine machine;
  private final String temporalCli;
  private final StringBuilder out = new StringBuilder();

  FiguresMarkdown(Machine machine, String temporalCli) {
    this.machine = machine;
    this.temporalCli = temporalCli;
  }

  String render(List<ServerFigures> servers) {
    line("Machine: %s, %d cores, %s memory; %s; %s%s.", machine.cpu(), machine.cores(), machine.memory(), machine.os(),
        machine.java(), temporalCli.isBlank() ? "" : "; " + temporalCli);
    for (ServerFigures server : servers) {
      line("");
      line("### %s (run %s)", title(server.server()), server.startedAt());
      LoadFigures first = server.windows().isEmpty() ? null : server.windows().get(0);
      if (first != null) {
        line("");
        line("%d flows in flight; each system measured for %.0f s after its warm-up, in turn. JVM flags: %s.",
            first.inFlight(), first.windowSeconds(), server.jvm() == null || server.jvm().isBlank() ? "run.sh's" : "`" + server.jvm() + "`");
      }
      line("");
      line("| Provider | System | Flows/s | Errors | Wait p50 ms | p95 ms | p99 ms | Worker CPU ms/flow | Worker alloc KB/flow | starter-api CPU ms/flow | Temporal CPU ms/flow |");
      line("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
      for (LoadFigures w : server.windows()) {
        String role = w.system().equals("direct") ? "direct" : "worker";
        line("| %s | %s | %.1f | %d%s | %.1f | %.1f | %.1f | %.2f | %.0f | %s | %s |",
            w.provider(), w.system(), w.flowsPerSecond(), w.errors(), reasons(w), w.waitP50Millis(), w.waitP95Millis(),
            w.waitP99Millis(), millis(w.cpuSecondsPerFlow().get(role)), kb(w.allocatedBytesPerFlow().get(role)),
            optionalMillis(w.cpuSecondsPerFlow().get("starter-api")), optionalMillis(w.cpuSecondsPerFlow().get("temporal")));
      }
      ratios(server.windows());
      parked(server.parked());
    }
    return out.toString().stripTrailing();
  }

  private void ratios(List<LoadFigures> windows) {
    Set<String> providers = new LinkedHashSet<>();
    windows.stream().filter(w -> !w.system().equals("floor")).forEach(w -> providers.add(w.provider()));
    List<LoadFigures> floor = windows.stream().filter(w -> w.system().equals("floor")).toList();
    if (floor.isEmpty()) {
      floor = null;
    }
    for (String provider : providers) {
      Map<String, List<LoadFigures>> bySystem = new LinkedHashMap<>();
      windows.stream().filter(w -> w.provider().equals(provider))
          .forEach(w -> bySystem.computeIfAbsent(w.system(), s -> new java.util.ArrayList<>()).add(w));
      List<LoadFigures> stack = bySystem.get("stack");
      if (stack == null) {
        continue;
      }
      line("");
      line("Ratios for %s (stack ÷ other; with several rounds, of their means):", provider);
      line("");
      line("| Figure | Stack ÷ floor | Stack ÷ direct |");
      line("|---|--:|--:|");
      List<LoadFigures> direct = bySystem.get("direct");
      double throughputVsFloor = ratio(stack, floor, LoadFigures::flowsPerSecond);
      double p95VsFloor = ratio(stack, floor, LoadFigures::waitP95Millis);
      line("| Flows/s | %s %s | %s |", times(throughputVsFloor),
          floor == null ? "" : verdict(throughputVsFloor >= THROUGHPUT_TARGET && errors(stack) == 0, "target ≥ 0.8 with no error"),
          times(ratio(stack, direct, LoadFigures::flowsPerSecond)));
      line("| Shopper's wait p50 | %s | %s |", times(ratio(stack, floor, LoadFigures::waitP50Millis)),
          times(ratio(stack, direct, LoadFigures::waitP50Millis)));
      line("| Shopper's wait p95 | %s %s | %s |", times(p95VsFloor),
          floor == null ? "" : verdict(p95VsFloor <= WAIT_P95_TARGET, "target ≤ 1.5"),
          times(ratio(stack, direct, LoadFigures::waitP95Millis)));
      line("| Shopper's wait p99 | %s | %s |", times(ratio(stack, floor, LoadFigures::waitP99Millis)),
          times(ratio(stack, direct, LoadFigures::waitP99Millis)));
      line("| Worker CPU per flow | %s | %s |",
          times(ratio(stack, floor, w -> w.cpuSecondsPerFlow().get("worker"))),
          times(ratioOf(stack, w -> w.cpuSecondsPerFlow().get("worker"), direct, w -> w.cpuSecondsPerFlow().get("direct"))));
      line("| Worker allocation per flow | %s | %s |",
          times(ratio(stack, floor, w -> w.allocatedBytesPerFlow().get("worker"))),
          times(ratioOf(stack, w -> w.allocatedBytesPerFlow().get("worker"), direct, w -> w.allocatedBytesPerFlow().get("direct"))));
      line("| CPU per flow, worker + starter-api + Temporal | %s | %s |",
          times(ratioOf(stack, FiguresMarkdown::ourCpu, floor, FiguresMarkdown::ourCpu)),
          times(ratioOf(stack, FiguresMarkdown::ourCpu, direct, FiguresMarkdown::ourCpu)));
    }
  }

  /** CPU per flow of every process but the provider's (the sandbox). */
  private static double ourCpu(LoadFigures w) {
    return w.cpuSecondsPerFlow().entrySet().stream()
        .filter(e -> !e.getKey().equals("sandbox"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private void parked(List<ParkedFigures> parked) {
    if (parked == null || parked.isEmpty()) {
      return;
    }
    line("");
    line("| Parked flows | Errors | Worker heap before | with the flows parked | Growth per flow | Server: measure | grew by | Bytes per flow |");
    line("|---|--:|--:|--:|--:|---|--:|--:|");
    for (ParkedFigures p : parked) {
      line("| %,d %s | %d%s | %s | %s %s | %,.0f B | %s | %s | %,.0f |",
          p.flows(), p.provider(), p.errors(),
          p.errorsByReason() == null || p.errorsByReason().isEmpty() ? "" : " " + p.errorsByReason(), mb(p.workerHeapBeforeBytes()), mb(p.workerHeapAfterBytes()),
          verdict(p.workerHeapAfterBytes() < PARKED_HEAP_TARGET_BYTES, "target < 200 MB"),
          (double) p.workerHeapGrowthBytes() / Math.max(p.flows(), 1),
          p.serverGrowthMeasure(), mb(p.serverAfterBytes() - p.serverBeforeBytes()), p.serverBytesPerFlow());
    }
  }

  private static double ratio(List<LoadFigures> a, List<LoadFigures> b, ToDoubleFunction<LoadFigures> figure) {
    return ratioOf(a, figure, b, figure);
  }

  private static double ratioOf(
      List<LoadFigures> a, ToDoubleFunction<LoadFigures> ofA, List<LoadFigures> b, ToDoubleFunction<LoadFigures> ofB) {
    if (a == null || b == null) {
      return Double.NaN;
    }
    double denominator = mean(b, ofB);
    return denominator == 0 ? Double.NaN : mean(a, ofA) / denominator;
  }

  private static double mean(List<LoadFigures> windows, ToDoubleFunction<LoadFigures> figure) {
    return windows.stream().mapToDouble(figure).average().orElse(Double.NaN);
  }

  private static long errors(List<LoadFigures> windows) {
    return windows.stream().mapToLong(LoadFigures::errors).sum();
  }

  private static String reasons(LoadFigures w) {
    return w.errorsByReason().isEmpty() ? "" : " " + w.errorsByReason();
  }

  private static String title(String server) {
    return switch (server) {
      case "dev-server" -> "The real Temporal dev server (SQLite file)";
      case "test-server" -> "The SDK's test server (in memory, the fallback)";
      default -> server;
    };
  }

  private static String verdict(boolean met, String target) {
    return (met ? "(met: " : "(**missed**: ") + target + ")";
  }

  private static String times(double ratio) {
    return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio);
  }

  private static double millis(Double seconds) {
    return seconds == null ? Double.NaN : seconds * 1000;
  }

  private static String optionalMillis(Double seconds) {
    return seconds == null ? "–" : String.format(Locale.ROOT, "%.2f", seconds * 1000);
  }

  private static double kb(Double bytes) {
    return bytes == null ? Double.NaN : bytes / 1024;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
