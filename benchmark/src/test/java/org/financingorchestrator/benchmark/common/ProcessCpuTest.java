package org.financingorchestrator.benchmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void readsUserAndSystemTicksAfterTheCommandEvenWhenItHasSpacesAndParentheses() {
    String stat = "4242 (java (worker) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 731 269 0 0 20 0 90 0 123 456 789";
    assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(731 + 269);
  }

  @Test
  void theDriversOwnProcessHasUsedSomeCpu() {
    assertThat(new ProcessCpu(ProcessHandle.current().pid()).seconds()).isPositive();
  }
}
