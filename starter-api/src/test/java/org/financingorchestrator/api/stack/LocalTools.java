package org.financingorchestrator.api.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The tools {@code deploy/local/tools.sh} finds or installs (the Temporal CLI, Chromium, Schemathesis
 * for {@link FuzzApi}), so that
 * tests use exactly what the local stack uses, at the versions the script pins.
 */
public final class LocalTools {

  /** What a look-up gave: the value, or why there is none (tools.sh's own last words). */
  public record Found<T>(Optional<T> value, String why) {

    static <T> Found<T> of(T value) {
      return new Found<>(Optional.of(value), "");
    }

    static <T> Found<T> none(String why) {
      return new Found<>(Optional.empty(), why);
    }
  }

  private LocalTools() {}

  /** The path(s) {@code tools.sh NAME} prints, one a line; it may install the tool first. */
  public static Found<List<Path>> find(String name) {
    Path root = repositoryRoot();
    try {
      // Messages to a file, not a pipe: only stdout is read, so a chatty install cannot block.
      Path messages = Files.createTempFile("tools-" + name, ".log");
      try {
        Process process =
            new ProcessBuilder("bash", root.resolve("deploy/local/tools.sh").toString(), name)
                .directory(root.toFile())
                .redirectError(messages.toFile())
                .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          return Found.none("tools.sh " + name + " did not finish in 10 minutes");
        }
        List<Path> paths = out.lines().filter(line -> !line.isBlank()).map(Path::of).toList();
        if (process.exitValue() != 0 || paths.isEmpty()) {
          String why = lastLine(Files.readString(messages));
          return Found.none(why.isEmpty() ? "tools.sh " + name + " exited " + process.exitValue() : why);
        }
        return Found.of(paths);
      } finally {
        Files.deleteIfExists(messages);
      }
    } catch (IOException e) {
      return Found.none("tools.sh " + name + " could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Found.none("interrupted while tools.sh " + name + " ran");
    }
  }

  /** The folder holding deploy/local/tools.sh: the repository, above the module tests run in. */
  public static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/local/tools.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("deploy/local/tools.sh not found above " + start);
  }

  private static String lastLine(String text) {
    return text.lines().filter(line -> !line.isBlank()).reduce((first, last) -> last).orElse("").trim();
  }
}
