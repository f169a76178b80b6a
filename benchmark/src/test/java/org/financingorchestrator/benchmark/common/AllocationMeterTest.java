package org.financingorchestrator.benchmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryUsage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationMeterTest {

  private static final String EDEN = "Eden Space";

  @Test
  void countsWhatEdenFilledBetweenCollectionsAndWhatItHoldsAtTheEnd() {
    AllocationMeter meter = new AllocationMeter(EDEN);
    meter.start(30);
    meter.collected(eden(100), eden(0)); // 70 since the start
    meter.collected(eden(250), eden(10)); // 250 since the last collection
    assertThat(meter.collections()).isEqualTo(2);
    assertThat(meter.stop(60)).isEqualTo(70 + 250 + 50);
  }

  @Test
  void collectionsBeforeTheWindowOnlySetWhereEdenStood() {
    AllocationMeter meter = new AllocationMeter(EDEN);
    meter.collected(eden(500), eden(0));
    meter.start(40);
    assertThat(meter.stop(90)).isEqualTo(50);
  }

  @Test
  void ignoresCollectionsThatDoNotReportEden() {
    AllocationMeter meter = new AllocationMeter(EDEN);
    meter.start(0);
    meter.collected(Map.of("Tenured Gen", usage(10)), Map.of("Tenured Gen", usage(5)));
    assertThat(meter.stop(20)).isEqualTo(20);
  }

  private static Map<String, MemoryUsage> eden(long used) {
    return Map.of(EDEN, usage(used));
  }

  private static MemoryUsage usage(long used) {
    return new MemoryUsage(0, used, Math.max(used, 1000), 1000);
  }
}
