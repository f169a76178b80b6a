package org.financingorchestrator.activities.flexiti;

import static org.financingorchestrator.activities.common.SandboxFaults.describe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.financingorchestrator.activities.common.FaultMatrix;
import org.financingorchestrator.activities.common.SandboxFaults;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.flexiti.FlexitiActivities;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomerKey;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnCall;
import org.financingorchestrator.workflows.flexiti.FlexitiTimeouts;
import org.financingorchestrator.workflows.flexiti.FlexitiTransactionCall;
import org.financingorchestrator.workflows.flexiti.FlexitiVerificationFormat;
import org.financingorchestrator.workflows.flexiti.FlexitiVerifyCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, provider faults: Flexiti's calls at the till (the OAuth token and the merchant login
 * included) against the sandbox under every fault kind, one attempt each, as Temporal receives
 * it; the table is in docs/reliability/fault-matrix.md.
 */
class FlexitiFaultMatrixTest {

  private static final FlexitiTimeouts TIMEOUTS = new FlexitiTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
  /** The sandbox's John Doe: 5,000.00 of credit, merchant override allowed. */
  private static final String VCC = "6374980100408234";

  private static SandboxFaults sandbox;
  /** Holds a token and a merchant login once the first call made them. */
  private static FlexitiActivities flexiti;

  @BeforeAll
  static void start() {
    sandbox = SandboxFaults.start();
    flexiti = fresh();
  }

  /** Activities with no token and no merchant login yet: their first call makes both. */
  private static FlexitiActivities fresh() {
    FlexitiClientSettings settings =
        new FlexitiClientSettings(
            URI.create(sandbox.url() + "/flexiti"), "flexitidemo", "sandbox-client-secret", "merchantonline",
            "sandbox-merchant-password");
    FlexitiApiFactory.Clients clients = FlexitiApiFactory.create(settings, new SimpleMeterRegistry(), TIMEOUTS, Clock.systemUTC());
    return sandbox.oneAttempt(FlexitiActivities.class, new FlexitiActivitiesImpl(clients.api(), settings));
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
    calls.put("token (OAuth)", () -> { FlexitiActivities first = fresh(); return () -> describe(() -> first.lookUp(FlexitiCustomerKey.byVcc(VCC), "en")); });
    calls.put("merchantOffers (login)", () -> { FlexitiActivities first = fresh(); flexiti.lookUp(FlexitiCustomerKey.byVcc(VCC), "en"); return () -> describe(() -> first.merchantOffers("en")); });
    calls.put("lookUp", () -> () -> describe(() -> flexiti.lookUp(FlexitiCustomerKey.byVcc(VCC), "en")));
    calls.put("verify", () -> { String customer = customer(); return () -> describe(() -> flexiti.verify(override(customer))); });
    calls.put("postTransaction", () -> { String customer = customer(); FlexitiTransactionCall call = purchase(customer); return () -> describe(() -> flexiti.postTransaction(call)); });
    calls.put("confirmTransaction", () -> { FlexitiTransactionCall posted = posted(customer()); return () -> describe(() -> flexiti.confirmTransaction(posted)); });
    calls.put("isPosted", () -> { String customer = customer(); FlexitiTransactionCall posted = confirmed(customer); return () -> describe(() -> flexiti.isPosted(customer, posted.transactionId())); });
    calls.put("purchases", () -> { String customer = customer(); confirmed(customer); return () -> describe(() -> flexiti.purchases(customer)); });
    calls.put("postReturn", () -> { String customer = customer(); FlexitiTransactionCall bought = confirmed(customer); return () -> describe(() -> flexiti.postReturn(new FlexitiReturnCall(customer, bought.transactionId(), Money.of("1.00", "CAD"), "en"))); });
    Map<String, String> operations = new LinkedHashMap<>();
    operations.put("token (OAuth)", "token");
    operations.put("merchantOffers (login)", "login");
    operations.put("lookUp", "lookup");
    operations.put("verify", "verify");
    operations.put("postTransaction", "post_transaction");
    operations.put("confirmTransaction", "confirm_transaction");
    operations.put("isPosted", "customer_transactions");
    operations.put("purchases", "customer_transactions");
    operations.put("postReturn", "post_transaction");
    Map<String, String> refusals = new LinkedHashMap<>();
    calls.keySet().forEach(call -> refusals.put(call, "\"status\":400,\"errorCode\":\"wrong_input\""));
    refusals.put("lookUp", "\"status\":409,\"errorCode\":\"user_not_active\"");
    refusals.put("postTransaction", "\"status\":409,\"errorCode\":\"not_enough_credit\"");

    FaultMatrix matrix = new FaultMatrix("Flexiti", FaultMatrix.KINDS);
    sandbox.run(matrix, "flexiti", operations, calls, refusals);

    SandboxFaults.assertDocumented(matrix, "flexiti");
    matrix.assertEveryCell(
        (call, kind, outcome) ->
            FaultMatrix.asTheFlowNeeds(kind, outcome, refusals.get(call).replaceAll(".*\"errorCode\":\"([^\"]+)\".*", "$1")));
  }

  // --- the calls' preconditions, made through the same sandbox ---------------------------------

  private static String customer() {
    return flexiti.lookUp(FlexitiCustomerKey.byVcc(VCC), "en").customerId();
  }

  private static FlexitiVerifyCall override(String customer) {
    return new FlexitiVerifyCall(customer, FlexitiVerificationFormat.OVERRIDE, null, null, "en");
  }

  private static FlexitiTransactionCall purchase(String customer) {
    String code = flexiti.verify(override(customer)).code();
    return new FlexitiTransactionCall(customer, Money.of("10.00", "CAD"), null, null, code, false, null, "en");
  }

  private static FlexitiTransactionCall posted(String customer) {
    FlexitiTransactionCall call = purchase(customer);
    return call.confirming(flexiti.postTransaction(call).transactionId());
  }

  private static FlexitiTransactionCall confirmed(String customer) {
    FlexitiTransactionCall call = posted(customer);
    flexiti.confirmTransaction(call);
    return call;
  }
}
