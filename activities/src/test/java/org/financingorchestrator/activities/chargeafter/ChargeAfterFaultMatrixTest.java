package org.financingorchestrator.activities.chargeafter;

import static org.financingorchestrator.activities.common.SandboxFaults.describe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.financingorchestrator.activities.common.FaultMatrix;
import org.financingorchestrator.activities.common.SandboxFaults;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterActivities;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, provider faults: ChargeAfter's send-link and status request against the sandbox under
 * every fault kind, one attempt each, as Temporal receives it; the table is in
 * docs/reliability/fault-matrix.md.
 */
class ChargeAfterFaultMatrixTest {

  private static final ChargeAfterTimeouts TIMEOUTS = new ChargeAfterTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));

  private static SandboxFaults sandbox;
  private static ChargeAfterActivities chargeAfter;

  @BeforeAll
  static void start() {
    sandbox = SandboxFaults.start();
    ChargeAfterApi api =
        ChargeAfterApiFactory.create(
            new ChargeAfterClientSettings(URI.create(sandbox.url() + "/chargeafter/"), "sandbox-chargeafter-private-key"),
            new SimpleMeterRegistry(),
            TIMEOUTS);
    chargeAfter = sandbox.oneAttempt(ChargeAfterActivities.class, new ChargeAfterActivitiesImpl(api));
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void everyCallUnderEveryFaultIsClassifiedAsTheFlowNeedsIt() throws Exception {
    Map<String, Supplier<Supplier<String>>> calls = new LinkedHashMap<>();
    calls.put("sendLink", () -> () -> describe(() -> chargeAfter.sendLink(ChargeAfterActivitiesRequestsTest.call("redirectUrl"))));
    calls.put("sessionStatus", () -> {
      String tracking = chargeAfter.sendLink(ChargeAfterActivitiesRequestsTest.call("redirectUrl")).statusTrackingId();
      return () -> describe(() -> chargeAfter.sessionStatus(tracking));
    });
    Map<String, String> operations = Map.of("sendLink", "sendLink", "sessionStatus", "status");
    Map<String, String> refusals =
        Map.of("sendLink", "\"status\":400,\"errorCode\":\"INVALID_REQUEST\"", "sessionStatus", "\"status\":404,\"errorCode\":\"NOT_FOUND\"");

    FaultMatrix matrix = new FaultMatrix("ChargeAfter", FaultMatrix.KINDS);
    sandbox.run(matrix, "chargeafter", operations, calls, refusals);

    SandboxFaults.assertDocumented(matrix, "chargeafter");
    matrix.assertEveryCell(
        (call, kind, outcome) -> FaultMatrix.asTheFlowNeeds(kind, outcome, call.equals("sendLink") ? "INVALID_REQUEST" : "NOT_FOUND"));
  }
}
