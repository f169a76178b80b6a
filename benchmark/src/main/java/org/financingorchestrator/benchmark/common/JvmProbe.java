package org.financingorchestrator.benchmark.common;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * One of the stack's JVMs, seen from the driver: attached by pid through the JDK's attach API
 * (the process needs no flag), then read over its local JMX agent: CPU (as {@link ProcessCpu}),
 * bytes allocated in a window ({@link AllocationMeter}) and heap used after a full collection.
 */
public final class JvmProbe implements AutoCloseable {

  private final ProcessCpu cpu;
  private final JMXConnector connector;
  private final MemoryMXBean memory;
  private final MemoryPoolMXBean eden;
  private final List<GarbageCollectorMXBean> collectors;
  private final AllocationMeter allocation;
  private long collectionsAtStart;

  private JvmProbe(long pid, JMXConnector connector) throws Exception {
    this.cpu = new ProcessCpu(pid);
    this.connector = connector;
    MBeanServerConnection server = connector.getMBeanServerConnection();
    this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    this.eden =
        ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
            .filter(pool -> pool.getName().contains("Eden"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No eden pool in JVM " + pid));
    this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
    this.allocation = new AllocationMeter(eden.getName());
    for (GarbageCollectorMXBean collector : collectors) {
      server.addNotificationListener(collector.getObjectName(), allocation, null, null);
    }
  }

  public static JvmProbe attach(long pid) {
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      return new JvmProbe(pid, JMXConnectorFactory.connect(new JMXServiceURL(address)));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot attach to JVM " + pid + ": " + e, e);
    }
  }

  public ProcessCpu cpu() {
    return cpu;
  }

  public void startAllocation() {
    collectionsAtStart = collectionCount();
    allocation.start(eden.getUsage().getUsed());
  }

  /** Bytes allocated since {@link #startAllocation()}. */
  public long stopAllocation() throws InterruptedException {
    long collections;
    long edenUsed;
    do {
      collections = collectionCount();
      edenUsed = eden.getUsage().getUsed();
    } while (collections != collectionCount());
    // JMX delivers notifications a moment late: wait for the window's last collections.
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (allocation.collections() < collections - collectionsAtStart && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return allocation.stop(edenUsed);
  }

  /** Heap used after a full collection (System.gc in the process). */
  public long heapAfterFullGc() {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private long collectionCount() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  @Override
  public void close() {
    try {
      connector.close();
    } catch (IOException ignored) {
      // The process may be gone already.
    }
  }
}
