package org.financingorchestrator.api.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code deploy/local/fuzz-api.sh}, the Schemathesis run README names, against an API a test
 * started: the very script an operator runs against the local stack, with the pinned Schemathesis
 * from {@code tools.sh schemathesis}. Tests that use it say so with
 * {@code @RequiresLocalTools("schemathesis")}.
 */
public final class FuzzApi {

  /** The script's exit code and everything it printed; -1 when it did not finish in time. */
  public record Result(int exitCode, String output) {}

  private FuzzApi() {}

  /** Fuzzes {@code apiUrl} as the merchant with {@code merchantKey}; report and output in {@code reportDir}. */
  public static Result run(String apiUrl, String merchantKey, int examplesPerOperation, Path reportDir, Duration within) {
    Path root = LocalTools.repositoryRoot();
    try {
      Files.createDirectories(reportDir);
      Path output = reportDir.resolve("fuzz-api.log");
      ProcessBuilder fuzz =
          new ProcessBuilder("bash", root.resolve("deploy/local/fuzz-api.sh").toString())
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      fuzz.environment().put("API_URL", apiUrl);
      fuzz.environment().put("MERCHANT_KEY", merchantKey);
      fuzz.environment().put("FUZZ_MAX_EXAMPLES", Integer.toString(examplesPerOperation));
      fuzz.environment().put("FUZZ_REPORT_DIR", reportDir.toAbsolutePath().toString());
      Process process = fuzz.start();
      ChildProcesses.stopOnExit(process);
      process.getOutputStream().close();
      boolean finished = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        // The script's Schemathesis is its child: stop it too.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        ChildProcesses.kill(process);
      }
      return new Result(finished ? process.exitValue() : -1, Files.readString(output));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run deploy/local/fuzz-api.sh", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fuzz-api.sh ran", e);
    }
  }
}
