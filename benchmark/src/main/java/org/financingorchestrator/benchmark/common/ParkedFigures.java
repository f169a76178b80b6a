package org.financingorchestrator.benchmark.common;

import java.util.Map;

/**
 * The cost of flows parked waiting for the shopper: the worker's heap after a full collection
 * before and after starting them, and what the server grew by (its database files for the dev
 * server, its heap for the in-memory test server).
 */
public record ParkedFigures(
    String provider,
    int flows,
    long errors,
    Map<String, Long> errorsByReason,
    long workerHeapBeforeBytes,
    long workerHeapAfterBytes,
    String serverGrowthMeasure,
    long serverBeforeBytes,
    long serverAfterBytes) {

  public long workerHeapGrowthBytes() {
    return workerHeapAfterBytes - workerHeapBeforeBytes;
  }

  public double serverBytesPerFlow() {
    return flows == 0 ? 0 : (double) (serverAfterBytes - serverBeforeBytes) / flows;
  }
}
