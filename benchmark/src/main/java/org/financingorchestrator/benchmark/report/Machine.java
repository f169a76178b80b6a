package org.financingorchestrator.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the benchmark ran on, from Linux's /proc and the JVM. */
record Machine(String cpu, int cores, String memory, String os, String java) {

  static Machine here() {
    return new Machine(
        procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        procLine("/proc/meminfo", "MemTotal")
            .map(kb -> String.format(Locale.ROOT, "%.1f GB", Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
            .orElse("?"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  private static Optional<String> procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
