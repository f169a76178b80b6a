package org.financingorchestrator.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.financingorchestrator.benchmark.common.LoadFigures;
import org.financingorchestrator.benchmark.common.ParkedFigures;
import org.financingorchestrator.benchmark.common.ServerFigures;
import org.junit.jupiter.api.Test;

class FiguresMarkdownTest {

  private static final Machine MACHINE = new Machine("Test CPU", 2, "8.0 GB", "Linux", "Java 17");

  @Test
  void ratiosAreTheStacksOverTheFloorsAndTheDirectBaselinesWithTheTargetsVerdicts() {
    String markdown =
        new FiguresMarkdown(MACHINE, "")
            .render(List.of(new ServerFigures("dev-server", "2026-11-22T10:00:00Z", "local",
                List.of(
                    window("floor", "engine", 50, 0, 100, Map.of("worker", 0.010, "temporal", 0.040)),
                    window("stack", "afterpay", 40, 0, 140, Map.of("worker", 0.030, "starter-api", 0.010, "temporal", 0.060)),
                    window("direct", "afterpay", 200, 0, 20, Map.of("direct", 0.002))),
                List.of(new ParkedFigures("afterpay", 10_000, 0, Map.of(), 40_000_000, 90_000_000, "database files", 1_000_000, 401_000_000)))));

    assertThat(markdown)
        .contains("| Flows/s | 0.80× (met: target ≥ 0.8 with no error) | 0.20× |")
        .contains("| Shopper's wait p95 | 1.40× (met: target ≤ 1.5) | 7.00× |")
        .contains("| Worker CPU per flow | 3.00× | 15.00× |")
        .contains("| CPU per flow, worker + starter-api + Temporal | 2.00× | 50.00× |")
        .contains("90.0 MB (met: target < 200 MB)")
        .contains("| 40,000 |");
  }

  @Test
  void anErrorUnderLoadMissesTheThroughputTargetWhateverTheRate() {
    String markdown =
        new FiguresMarkdown(MACHINE, "")
            .render(List.of(new ServerFigures("test-server", "2026-11-22T10:00:00Z", "local",
                List.of(
                    window("floor", "engine", 50, 0, 100, Map.of("worker", 0.010)),
                    window("stack", "afterpay", 50, 1, 100, Map.of("worker", 0.010))),
                List.of())));

    assertThat(markdown).contains("| Flows/s | 1.00× (**missed**: target ≥ 0.8 with no error) | – |");
  }

  private static LoadFigures window(
      String system, String provider, double flowsPerSecond, long errors, double p95, Map<String, Double> cpu) {
    return new LoadFigures(system, provider, 64, 60, Math.round(flowsPerSecond * 60), errors,
        errors == 0 ? Map.of() : Map.of("create 503", errors), flowsPerSecond, p95 / 2, p95, p95 * 2, cpu,
        Map.of("worker", 100_000.0, "direct", 10_000.0));
  }
}
