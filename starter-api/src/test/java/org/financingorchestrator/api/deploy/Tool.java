package org.financingorchestrator.api.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.financingorchestrator.api.stack.LocalTools;

/** Runs a tool deploy/local/tools.sh provides (RequiresLocalTools has made sure it can). */
final class Tool {

  /** What a run printed (stdout and stderr together) and how it exited. */
  record Run(int exit, String output) {}

  private Tool() {}

  static Run run(String tool, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(LocalTools.find(tool).value().orElseThrow().get(0).toString());
    command.addAll(List.of(arguments));
    try {
      Path output = Files.createTempFile(tool, ".out");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(Deploy.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
