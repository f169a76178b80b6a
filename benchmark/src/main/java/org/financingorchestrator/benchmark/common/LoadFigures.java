package org.financingorchestrator.benchmark.common;

import java.util.Map;

/**
 * What one measured window gave: flows completed in it and their rate, failures by reason, the
 * shopper's wait at p50, p95 and p99 (milliseconds), and per completed flow the CPU seconds and
 * allocated bytes of each measured process (by its role: worker, starter-api, temporal, ...).
 */
public record LoadFigures(
    String system,
    String provider,
    int inFlight,
    double windowSeconds,
    long completed,
    long errors,
    Map<String, Long> errorsByReason,
    double flowsPerSecond,
    double waitP50Millis,
    double waitP95Millis,
    double waitP99Millis,
    Map<String, Double> cpuSecondsPerFlow,
    Map<String, Double> allocatedBytesPerFlow) {}
