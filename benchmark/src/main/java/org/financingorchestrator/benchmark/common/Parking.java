package org.financingorchestrator.benchmark.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parks flows (creates them, and no shopper ever comes back) and measures what they cost: the
 * worker's heap after a full collection, before and after, and the server's growth: its
 * database files (the dev server, SQLite with its write-ahead log) or its heap (the test server).
 */
public final class Parking {

  /** One merchant's create; answers null, or why it failed. */
  @FunctionalInterface
  public interface Create {
    String create(String reference) throws Exception;
  }

  private final JvmProbe worker;
  private final Path database;
  private final JvmProbe testServer;

  public Parking(JvmProbe worker, Path database, JvmProbe testServer) {
    this.worker = worker;
    this.database = database;
    this.testServer = testServer;
  }

  public ParkedFigures park(String provider, int flows, int inFlight, Create create) throws InterruptedException {
    long workerBefore = worker.heapAfterFullGc();
    long serverBefore = serverBytes();
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();
    List<Thread> creators = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      Thread creator =
          new Thread(
              () -> {
                int n;
                while ((n = next.incrementAndGet()) <= flows) {
                  String failure;
                  try {
                    failure = create.create(Integer.toString(n));
                  } catch (Exception e) {
                    failure = e.getClass().getSimpleName();
                  }
                  if (failure != null) {
                    errors.incrementAndGet();
                    reasons.computeIfAbsent(failure, r -> new AtomicLong()).incrementAndGet();
                  }
                }
              });
      creators.add(creator);
      creator.start();
    }
    for (Thread creator : creators) {
      creator.join();
    }
    long workerAfter = worker.heapAfterFullGc();
    long serverAfter = serverBytes();
    Map<String, Long> byReason = new TreeMap<>();
    reasons.forEach((reason, count) -> byReason.put(reason, count.get()));
    return new ParkedFigures(
        provider, flows, errors.get(), byReason, workerBefore, workerAfter,
        database != null ? "database files" : "test server heap", serverBefore, serverAfter);
  }

  private long serverBytes() {
    if (database == null) {
      return testServer.heapAfterFullGc();
    }
    long bytes = 0;
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path file = database.resolveSibling(database.getFileName() + suffix);
      try {
        bytes += Files.exists(file) ? Files.size(file) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes;
  }
}
