package org.financingorchestrator.benchmark.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processes a window measures, by role (worker, starter-api, temporal, floor-worker,
 * direct): CPU for each, allocation for the JVMs among them.
 */
public final class Processes {

  private final Map<String, ProcessCpu> cpu = new LinkedHashMap<>();
  private final Map<String, JvmProbe> jvms = new LinkedHashMap<>();
  private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();

  public Processes jvm(String role, JvmProbe probe) {
    jvms.put(role, probe);
    cpu.put(role, probe.cpu());
    return this;
  }

  public Processes process(String role, ProcessCpu process) {
    cpu.put(role, process);
    return this;
  }

  void start() {
    jvms.values().forEach(JvmProbe::startAllocation);
    cpu.forEach((role, process) -> cpuAtStart.put(role, process.seconds()));
  }

  /** Per role: CPU seconds and allocated bytes in the window, each divided by {@code flows}. */
  Map<String, Map<String, Double>> stop(long flows) throws InterruptedException {
    Map<String, Double> cpuPerFlow = new LinkedHashMap<>();
    cpu.forEach((role, process) -> cpuPerFlow.put(role, (process.seconds() - cpuAtStart.get(role)) / Math.max(flows, 1)));
    Map<String, Double> allocatedPerFlow = new LinkedHashMap<>();
    for (Map.Entry<String, JvmProbe> jvm : jvms.entrySet()) {
      allocatedPerFlow.put(jvm.getKey(), (double) jvm.getValue().stopAllocation() / Math.max(flows, 1));
    }
    return Map.of("cpu", cpuPerFlow, "allocated", allocatedPerFlow);
  }
}
