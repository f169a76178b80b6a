package org.financingorchestrator.benchmark.common;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.MemoryUsage;
import java.util.Map;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Bytes a JVM allocated in a window, counted from its young generation as the garbage collector
 * reports it (the way Micrometer's jvm.gc.memory.allocated counts): what eden held at each
 * collection beyond what it held after the one before, plus what it holds at the window's end.
 * Works on Java 17 in any process we can attach to, without flags on the process; objects
 * allocated straight into the old generation (very large arrays) are not counted.
 */
final class AllocationMeter implements NotificationListener {

  private final String edenPool;
  private long edenAfterLastGc;
  private long allocated;
  private long collections;
  private boolean measuring;

  AllocationMeter(String edenPool) {
    this.edenPool = edenPool;
  }

  synchronized void start(long edenUsedNow) {
    edenAfterLastGc = edenUsedNow;
    allocated = 0;
    collections = 0;
    measuring = true;
  }

  synchronized long collections() {
    return collections;
  }

  /** The window's allocation, given what eden holds at its end. */
  synchronized long stop(long edenUsedNow) {
    measuring = false;
    return allocated + Math.max(0, edenUsedNow - edenAfterLastGc);
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
    collected(info.getMemoryUsageBeforeGc(), info.getMemoryUsageAfterGc());
  }

  synchronized void collected(Map<String, MemoryUsage> before, Map<String, MemoryUsage> after) {
    MemoryUsage edenBefore = before.get(edenPool);
    MemoryUsage edenAfter = after.get(edenPool);
    if (edenBefore == null || edenAfter == null) {
      return;
    }
    if (measuring) {
      allocated += Math.max(0, edenBefore.getUsed() - edenAfterLastGc);
      collections++;
    }
    edenAfterLastGc = edenAfter.getUsed();
  }
}
