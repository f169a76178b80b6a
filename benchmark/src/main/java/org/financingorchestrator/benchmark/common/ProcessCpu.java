package org.financingorchestrator.benchmark.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time (user + system) of a process and its descendants, from Linux's /proc: the same
 * measure for the JVMs and for the Temporal CLI's dev server (whose launcher may be a wrapper
 * process around the server).
 */
public final class ProcessCpu {

  private static final double TICKS_PER_SECOND = ticksPerSecond();

  private final long pid;

  public ProcessCpu(long pid) {
    this.pid = pid;
  }

  public long pid() {
    return pid;
  }

  /** Seconds of CPU the process tree has used so far. */
  public double seconds() {
    return ticks(pid) / TICKS_PER_SECOND;
  }

  private static long ticks(long pid) {
    long ticks = ownTicks(pid);
    for (long child : children(pid)) {
      ticks += ticks(child);
    }
    return ticks;
  }

  /** utime + stime, fields 14 and 15 of /proc/pid/stat (counted after the command's parentheses). */
  static long ownTicks(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    if (stat.isEmpty()) {
      return 0;
    }
    return parseTicks(stat);
  }

  static long parseTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long[] children(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    StringBuilder all = new StringBuilder();
    try (var threads = Files.list(tasks)) {
      threads.forEach(task -> all.append(read(task.resolve("children"))).append(' '));
    } catch (NoSuchFileException gone) {
      return new long[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String list = all.toString().trim();
    if (list.isEmpty()) {
      return new long[0];
    }
    return java.util.Arrays.stream(list.split("\\s+")).mapToLong(Long::parseLong).distinct().toArray();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException gone) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String answer = new String(getconf.getInputStream().readAllBytes()).trim();
      getconf.waitFor();
      return Double.parseDouble(answer);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
