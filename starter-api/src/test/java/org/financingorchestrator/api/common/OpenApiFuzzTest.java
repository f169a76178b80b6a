package org.financingorchestrator.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.TestMerchants;
import org.financingorchestrator.api.stack.FuzzApi;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.junit.jupiter.api.Test;

/**
 * deploy/local/fuzz-api.sh (Schemathesis against this app's own /v3/api-docs) on the app as the
 * other ApiTests run it: no 500, and every answer's status, Content-Type and body as the document
 * says. A small example budget keeps it short; the script's default budget is for the local
 * stack. The JUnit report and the whole output: target/fuzz-api/.
 */
@RequiresLocalTools({"schemathesis"})
class OpenApiFuzzTest extends ApiTest {

  private static final int EXAMPLES_PER_OPERATION = 15;

  @Test
  void everyAnswerMatchesTheDocumentAndNoneIsAServerError() {
    FuzzApi.Result fuzz =
        FuzzApi.run(
            "http://127.0.0.1:" + port,
            TestMerchants.A_KEY,
            EXAMPLES_PER_OPERATION,
            Path.of("target", "fuzz-api"),
            Duration.ofMinutes(3));

    assertThat(fuzz.exitCode()).as("fuzz-api.sh's exit code (-1: not done in 3 minutes); output:%n%s", fuzz.output()).isZero();
  }
}
