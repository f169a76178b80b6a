package org.financingorchestrator.benchmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a JVM of its own that allocates a known amount when told to. */
class JvmProbeTest {

  private static final long ALLOCATED = 64L * 1024 * 1024;

  private Process child;
  private PrintStream toChild;
  private BufferedReader fromChild;

  @BeforeEach
  void startChild() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    child =
        new ProcessBuilder(
                java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Allocator.class.getName(), Long.toString(ALLOCATED))
            .redirectErrorStream(true)
            .start();
    toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
    fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertThat(fromChild.readLine()).isEqualTo("ready");
  }

  @AfterEach
  void stopChild() {
    child.destroyForcibly();
  }

  @Test
  void countsWhatTheProcessAllocatedInTheWindowAndItsHeapAfterAFullCollection() throws Exception {
    try (JvmProbe probe = JvmProbe.attach(child.pid())) {
      probe.startAllocation();
      toChild.println("allocate");
      assertThat(fromChild.readLine()).isEqualTo("allocated");
      long allocated = probe.stopAllocation();

      // What the child allocated, and not much more (the JMX agent's own work).
      assertThat(allocated).isBetween(ALLOCATED, ALLOCATED * 2);
      assertThat(probe.heapAfterFullGc()).isPositive().isLessThan(ALLOCATED);
      assertThat(probe.cpu().seconds()).isPositive();
    }
  }

  /** The child: says it is ready, then allocates {@code args[0]} bytes in 64 KB arrays when told to. */
  public static final class Allocator {

    static volatile byte[] last;

    public static void main(String[] args) throws Exception {
      long bytes = Long.parseLong(args[0]);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      System.out.println("ready");
      while (in.readLine() != null) {
        for (long done = 0; done < bytes; done += 64 * 1024) {
          last = new byte[64 * 1024];
        }
        System.out.println("allocated");
      }
    }
  }
}
