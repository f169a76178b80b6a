package org.financingorchestrator.api.stack;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The pinned Temporal CLI, found or installed by {@code deploy/local/tools.sh temporal}, the same
 * script the local stack uses. Where it cannot be had the tests that need it are skipped with the
 * reason, never passed silently; in CI (CI=true) that is a failure, since CI must run them.
 */
public final class TemporalCli {

  private static Path found;

  private TemporalCli() {}

  /** The CLI's path, or the calling test is skipped (failed in CI) with why. */
  public static synchronized Path require() {
    if (found == null) {
      Tool tool = Tool.find("temporal");
      if (tool.path().isEmpty()) {
        unavailable("The real Temporal dev server is needed and no Temporal CLI could be had: " + tool.why());
      }
      found = tool.path().get();
    }
    return found;
  }

  static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why);
    }
    Assumptions.abort(why);
  }

  /** The repository's root: the folder that holds deploy/local/tools.sh, above the module. */
  public static Path repositoryRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("deploy/local/tools.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("deploy/local/tools.sh not found above " + Paths.get("").toAbsolutePath());
    }
    return dir;
  }

  /** What {@code tools.sh NAME} printed: the path, or the reason it could not. */
  record Tool(Optional<Path> path, String why) {

    static Tool find(String name) {
      Path root = repositoryRoot();
      try {
        Path messages = Files.createTempFile("tools-" + name, ".log");
        Process process =
            new ProcessBuilder("bash", root.resolve("deploy/local/tools.sh").toString(), name)
                .directory(root.toFile())
                .redirectError(messages.toFile())
                .start();
        process.getOutputStream().close();
        // Installing downloads once; later runs find the copy in .tools/ at once.
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        String err = Files.readString(messages).trim();
        Files.deleteIfExists(messages);
        if (!ended || process.exitValue() != 0 || out.isEmpty()) {
          return new Tool(Optional.empty(), err.isEmpty() ? "tools.sh " + name + " failed" : err);
        }
        return new Tool(Optional.of(Path.of(out.lines().reduce((first, last) -> last).orElseThrow())), "");
      } catch (IOException e) {
        return new Tool(Optional.empty(), "tools.sh " + name + " could not run: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Tool(Optional.empty(), "interrupted");
      }
    }
  }
}
