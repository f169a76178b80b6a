package org.financingorchestrator.activities.afterpay;

import static org.financingorchestrator.activities.common.SandboxFaults.describe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.financingorchestrator.activities.common.FaultMatrix;
import org.financingorchestrator.activities.common.SandboxFaults;
import org.financingorchestrator.workflows.afterpay.AfterpayActivities;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayRefundCall;
import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;
import org.financingorchestrator.workflows.common.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, provider faults: every Afterpay call against the sandbox under every fault kind, one
 * attempt each, read as Temporal reads it (retryable or final, with which code and delay). Its
 * table is the one in {@code docs/reliability/fault-matrix.md} (checked); what each outcome means
 * for the flow (retried, ended with the provider's code, settled by look-up or key) is the
 * workflow tests' and is summed up in that file.
 */
class AfterpayFaultMatrixTest {

  /** Short read timeouts so that a slow answer is one second, not twenty. */
  private static final AfterpayTimeouts TIMEOUTS =
      new AfterpayTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1));

  private static SandboxFaults sandbox;
  private static AfterpayActivities afterpay;

  @BeforeAll
  static void start() {
    sandbox = SandboxFaults.start();
    AfterpayApi api =
        AfterpayApiFactory.create(
            new AfterpayClientSettings(URI.create(sandbox.url() + "/afterpay"), "100101", "sandbox-secret-key"),
            new SimpleMeterRegistry(),
            TIMEOUTS,
            Clock.systemUTC());
    afterpay = sandbox.oneAttempt(AfterpayActivities.class, new AfterpayActivitiesImpl(api, new AfterpayConfigurationCache(api, Clock.systemUTC()), TIMEOUTS));
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
    calls.put("getConfiguration", () -> () -> describe(afterpay::getConfiguration));
    calls.put("createOrder", () -> () -> describe(() -> afterpay.createOrder(AfterpayFixtures.createOrder())));
    calls.put("capture", () -> { String token = approvedToken(); return () -> describe(() -> afterpay.capture(token, "ref")); });
    calls.put("findPaymentByToken", () -> { String token = capturedToken(); return () -> describe(() -> afterpay.findPaymentByToken(token)); });
    calls.put("refund", () -> { String payment = capturedPayment(); return () -> describe(() -> afterpay.refund(refund(payment))); });
    calls.put("findRefund", () -> { String payment = capturedPayment(); return () -> describe(() -> afterpay.findRefund(refund(payment))); });
    calls.put("updateCourier", () -> { String payment = capturedPayment(); return () -> describe(() -> { afterpay.updateCourier(payment, courier()); return "done"; }); });
    Map<String, String> operations =
        Map.of("getConfiguration", "configuration", "createOrder", "createOrder", "capture", "capture",
            "findPaymentByToken", "getPayment", "refund", "refund", "findRefund", "getPayment",
            "updateCourier", "courier");
    Map<String, String> refusals = new LinkedHashMap<>();
    calls.keySet().forEach(call -> refusals.put(call, "\"status\":422,\"errorCode\":\"invalid_object\""));
    refusals.put("capture", "\"status\":402,\"errorCode\":\"declined\"");

    FaultMatrix matrix = new FaultMatrix("Afterpay", FaultMatrix.KINDS);
    sandbox.run(matrix, "afterpay", operations, calls, refusals);

    SandboxFaults.assertDocumented(matrix, "afterpay");
    matrix.assertEveryCell(
        (call, kind, outcome) ->
            // A courier update needs nothing of the answer (and is idempotent): done whatever its body.
            call.equals("updateCourier") && kind.unusableAnswer()
                ? outcome.equals("done")
                : FaultMatrix.asTheFlowNeeds(kind, outcome, call.equals("capture") ? "declined" : "invalid_object"));
  }

  // --- the calls' preconditions, made through the same sandbox ---------------------------------

  private static String approvedToken() {
    String token = afterpay.createOrder(AfterpayFixtures.createOrder()).token();
    sandbox.send("POST", "/afterpay/checkout/" + token + "/approve", null);
    return token;
  }

  private static String capturedToken() {
    String token = approvedToken();
    afterpay.capture(token, "ref");
    return token;
  }

  private static String capturedPayment() {
    return afterpay.capture(approvedToken(), "ref").id();
  }

  private static AfterpayRefundCall refund(String paymentId) {
    return new AfterpayRefundCall(paymentId, UUID.randomUUID().toString(), Money.of("1.00", "USD"), "RF-" + UUID.randomUUID());
  }

  private static AfterpayCourier courier() {
    return new AfterpayCourier(Instant.parse("2026-11-21T10:00:00Z"), "CourierPost", "AA999999999AA", "STANDARD");
  }
}
