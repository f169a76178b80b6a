package org.financingorchestrator.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.junit.jupiter.api.Test;

/**
 * The crash suite's short run, part of {@code ./mvnw verify}: at least 200 flows across the
 * providers, three worker kills mid provider call, a starter-api kill, a Temporal server restart.
 * The long run is the same test with more (README, "Reliability"). The figures are printed and
 * written to {@code target/crash-suite/figures.txt}.
 */
@RequiresLocalTools("temporal")
class CrashSuiteTest {

  @Test
  void everyFlowEndsAsScriptedWithEachEffectOnceThroughKillsAndRestarts() {
    CrashPlan plan = CrashPlan.fromSystemProperties(CrashSuite.providers());
    CrashFigures figures = new CrashSuite(plan).run();
    System.out.println(figures.report());
    figures.write(Path.of("target", "crash-suite", "figures.txt"));

    assertThat(figures.held()).as(figures.report()).isTrue();
    assertThat(figures.flowCount()).isGreaterThanOrEqualTo(plan.flows());
    assertThat(figures.duplicates()).isZero();
    assertThat(figures.stuckCount()).isZero();
  }
}
