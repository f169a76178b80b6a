package org.financingorchestrator.activities.affirm;

import static org.financingorchestrator.activities.common.SandboxFaults.describe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.financingorchestrator.activities.common.FaultMatrix;
import org.financingorchestrator.activities.common.SandboxFaults;
import org.financingorchestrator.workflows.affirm.AffirmActivities;
import org.financingorchestrator.workflows.affirm.AffirmAuthorization;
import org.financingorchestrator.workflows.affirm.AffirmChargeCall;
import org.financingorchestrator.workflows.affirm.AffirmTimeouts;
import org.financingorchestrator.workflows.common.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, provider faults: every Affirm charge call against the sandbox under every fault kind,
 * one attempt each, as Temporal receives it; the table is in docs/reliability/fault-matrix.md.
 */
class AffirmFaultMatrixTest {

  private static final AffirmTimeouts TIMEOUTS = new AffirmTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
  private static final Pattern TOKEN = Pattern.compile("\"checkout_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CHECKOUT_ID = Pattern.compile("\"checkout_id\"\\s*:\\s*\"([^\"]+)\"");

  private static SandboxFaults sandbox;
  private static AffirmActivities affirm;

  @BeforeAll
  static void start() {
    sandbox = SandboxFaults.start();
    AffirmApi api =
        AffirmApiFactory.create(
            new AffirmClientSettings(URI.create(sandbox.url() + "/affirm"), "sandbox-public-key", "sandbox-private-key"),
            new SimpleMeterRegistry(),
            TIMEOUTS,
            Clock.systemUTC());
    affirm = sandbox.oneAttempt(AffirmActivities.class, new AffirmActivitiesImpl(api));
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
    calls.put("authorize", () -> { String token = confirmedToken(); return () -> describe(() -> affirm.authorize(new AffirmAuthorization(token, "o1", key()))); });
    calls.put("capture", () -> { String charge = authorized(); return () -> describe(() -> affirm.capture(capture(charge))); });
    calls.put("voidCharge", () -> { String charge = authorized(); return () -> describe(() -> affirm.voidCharge(AffirmChargeCall.voidOf(charge, key()))); });
    calls.put("refund", () -> { String charge = captured(); return () -> describe(() -> affirm.refund(refund(charge))); });
    calls.put("findRefund", () -> { String charge = captured(); return () -> describe(() -> affirm.findRefund(refund(charge))); });
    calls.put("update", () -> { String charge = captured(); return () -> describe(() -> affirm.update(new AffirmChargeCall(charge, key(), null, "o1", "UPS", "1Z1000", null))); });
    Map<String, String> operations =
        Map.of("authorize", "authorize", "capture", "capture", "voidCharge", "void", "refund", "refund",
            "findRefund", "refund", "update", "update");
    Map<String, String> refusals = new LinkedHashMap<>();
    calls.keySet().forEach(call -> refusals.put(call, "\"status\":400,\"errorCode\":\"invalid_request\""));
    refusals.put("authorize", "\"status\":400,\"errorCode\":\"checkout-token-expired\"");

    FaultMatrix matrix = new FaultMatrix("Affirm", FaultMatrix.KINDS);
    sandbox.run(matrix, "affirm", operations, calls, refusals);

    SandboxFaults.assertDocumented(matrix, "affirm");
    matrix.assertEveryCell(
        (call, kind, outcome) ->
            // A refund sent again that Affirm refuses was not made: that is findRefund's answer.
            call.equals("findRefund") && kind.name().equals("4xx refusal")
                ? outcome.equals("done")
                : FaultMatrix.asTheFlowNeeds(kind, outcome, call.equals("authorize") ? "checkout-token-expired" : "invalid_request"));
  }

  // --- the calls' preconditions, made through the same sandbox ---------------------------------

  private static String confirmedToken() {
    String opened =
        sandbox
            .send(
                "POST",
                "/affirm/js/checkout",
                "{\"merchant\":{\"user_confirmation_url\":\"http://localhost/confirm\",\"user_cancel_url\":\"http://localhost/cancel\","
                    + "\"user_confirmation_url_action\":\"POST\"},\"order_id\":\"o1\",\"currency\":\"USD\",\"total\":6100,"
                    + "\"items\":[{\"display_name\":\"Sweater\",\"sku\":\"s1\",\"unit_price\":6100,\"qty\":1}]}")
            .body();
    String checkoutId = group(CHECKOUT_ID, opened);
    return group(TOKEN, sandbox.send("POST", "/affirm/checkout/" + checkoutId + "/confirm", null).body());
  }

  private static String authorized() {
    return affirm.authorize(new AffirmAuthorization(confirmedToken(), "o1", key())).id();
  }

  private static String captured() {
    String charge = authorized();
    affirm.capture(capture(charge));
    return charge;
  }

  private static AffirmChargeCall capture(String charge) {
    return new AffirmChargeCall(charge, key(), null, "o1", "USPS", "1Z999", null);
  }

  private static AffirmChargeCall refund(String charge) {
    return AffirmChargeCall.refundOf(charge, key(), Money.of("10.00", "USD"), "RF-" + UUID.randomUUID());
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException(pattern + " not in " + text);
    }
    return matcher.group(1);
  }
}
