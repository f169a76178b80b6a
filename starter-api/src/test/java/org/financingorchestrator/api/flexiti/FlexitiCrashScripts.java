package org.financingorchestrator.api.flexiti;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.financingorchestrator.api.crash.CrashCalls;
import org.financingorchestrator.api.crash.CrashScripts;
import org.financingorchestrator.api.crash.LedgerAmounts;
import org.financingorchestrator.api.crash.ScriptedFlow;
import tools.jackson.databind.JsonNode;

/**
 * Flexiti in the crash suite: purchases at the till by the sandbox's customers (John Doe buys,
 * the customers Flexiti will not let buy are declined), a return against a posted purchase, and
 * Quebec credit applications. The effects are the transactions posted unconfirmed
 * (transaction_created) and confirmed, the returns, and the accounts opened and closed. A post
 * whose answer was lost is sent again (Flexiti has no idempotency key) and leaves an unconfirmed
 * transaction no flow owns (README, Known limits): the suite shows it, and it moves no money.
 */
public final class FlexitiCrashScripts implements CrashScripts {

  static final String POSTED = "posted";
  static final String RETURNED = "returned";
  static final String CANCELLED = "cancelled";
  static final String DECLINED = "declined";
  static final String EXPIRED = "expired";
  static final String APPLICATION_APPROVED = "application-approved";
  static final String APPLICATION_CANCELLED = "application-cancelled";

  static final String TRANSACTION_CREATED = "transaction_created";
  static final String TRANSACTION_POSTED = "transaction_posted";
  static final String RETURN_POSTED = "return_posted";
  static final String AUTHORIZATION_HELD = "authorization_held";
  static final String ACCOUNT_OPENED = "account_opened";
  static final String ACCOUNT_CLOSED = "account_closed";

  static final String JOHN_VCC = "6374980100408234";
  /** Auth prohibited (A), frozen (F), charged off (Z), closed (C): user_not_able_to_purchase. */
  private static final List<String> UNABLE_VCCS =
      List.of("6374980100408259", "6374980100408267", "6374980100408275", "6374980100408283");
  /** Small, so John's 5,000.00 of credit lasts hundreds of posted purchases in a long run. */
  static final BigDecimal PURCHASE = new BigDecimal("12.50");
  static final BigDecimal RETURN = new BigDecimal("5.25");

  @Override
  public String provider() {
    return "flexiti";
  }

  @Override
  public List<String> ends() {
    return List.of(POSTED, RETURNED, CANCELLED, DECLINED, EXPIRED, APPLICATION_APPROVED, APPLICATION_CANCELLED);
  }

  /** The clerk's code is awaited {@code expiry}; the customer's and applicant's answers keep their long waits. */
  @Override
  public List<String> apiArguments(Duration expiry) {
    return List.of("--flows.flexiti.verification-wait=" + expiry);
  }

  @Override
  public List<String> effectTypes() {
    return List.of(TRANSACTION_CREATED, TRANSACTION_POSTED, RETURN_POSTED, AUTHORIZATION_HELD, ACCOUNT_OPENED, ACCOUNT_CLOSED);
  }

  @Override
  public ScriptedFlow drive(String end, int n, CrashCalls calls) {
    FlexitiTill till = new FlexitiTill(calls);
    String reference = "crash-" + n;
    return switch (end) {
      case POSTED -> posted(till, reference, end);
      case RETURNED -> returned(till, reference);
      case CANCELLED -> refused(till, reference);
      case DECLINED -> declined(till, reference, UNABLE_VCCS.get(n % UNABLE_VCCS.size()));
      case EXPIRED -> expired(till, reference);
      case APPLICATION_APPROVED -> application(till, reference, n, "accept");
      case APPLICATION_CANCELLED -> application(till, reference, n, "cancel");
      default -> throw new IllegalArgumentException("No Flexiti script for " + end);
    };
  }

  private ScriptedFlow posted(FlexitiTill till, String reference, String end) {
    String flowId = verified(till, reference);
    String transactionId = transactionId(till.verificationCode(flowId), flowId);
    expect(till.customerConfirmation(flowId, "accept"), flowId, "POSTED", "AWAITING_SHOPPER");
    return flow(end, flowId, "POSTED", Set.of(transactionId), Map.of(TRANSACTION_CREATED, 1, TRANSACTION_POSTED, 1));
  }

  /** Posted, then part of it returned by its own flow: the return's flow is the one checked. */
  private ScriptedFlow returned(FlexitiTill till, String reference) {
    ScriptedFlow purchase = posted(till, reference, RETURNED);
    expect(till.ended(purchase.flowId()), purchase.flowId(), "POSTED");
    String transactionId = purchase.references().iterator().next();
    JsonNode returned = till.returnOf(reference + "-return", JOHN_VCC, transactionId, RETURN.toPlainString());
    String flowId = FlexitiTill.flowId(reference + "-return");
    expect(returned, flowId, "REFUNDED");
    return flow(RETURNED, flowId, "REFUNDED", Set.of(transactionId), Map.of(TRANSACTION_CREATED, 1, TRANSACTION_POSTED, 1, RETURN_POSTED, 1));
  }

  private ScriptedFlow refused(FlexitiTill till, String reference) {
    String flowId = verified(till, reference);
    String transactionId = transactionId(till.verificationCode(flowId), flowId);
    expect(till.customerConfirmation(flowId, "refuse"), flowId, "CANCELLED", "AWAITING_SHOPPER");
    return flow(CANCELLED, flowId, "CANCELLED", Set.of(transactionId), Map.of(TRANSACTION_CREATED, 1));
  }

  private ScriptedFlow declined(FlexitiTill till, String reference, String vcc) {
    String flowId = FlexitiTill.flowId(reference);
    expect(till.purchase(reference, vcc, PURCHASE.toPlainString()), flowId, "DECLINED");
    return flow(DECLINED, flowId, "DECLINED", Set.of(), Map.of());
  }

  /** Nobody enters the code: the flow expires after the verification wait. */
  private ScriptedFlow expired(FlexitiTill till, String reference) {
    String flowId = FlexitiTill.flowId(reference);
    expect(till.purchase(reference, JOHN_VCC, PURCHASE.toPlainString()), flowId, "AWAITING_VERIFICATION", "EXPIRED");
    return flow(EXPIRED, flowId, "EXPIRED", Set.of(), Map.of());
  }

  /** A Quebec applicant (a new one per flow: Flexiti answers a known applicant's account again) sees the debt ratio and answers. */
  private ScriptedFlow application(FlexitiTill till, String reference, int n, String decision) {
    Map<String, Object> body = FlexitiApplications.quebec(reference + "-app");
    @SuppressWarnings("unchecked")
    Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
    applicant.put("lastName", "Crash-" + n);
    String flowId = FlexitiTill.flowId(reference + "-app");
    JsonNode applied = till.apply(body);
    expect(applied, flowId, "AWAITING_SHOPPER", "APPROVED", "CANCELLED");
    String accountNumber = applied.path("account").path("accountNumber").asString(null);
    if (accountNumber == null) {
      accountNumber = applied.path("providerIds").path("accountNumber").asString(null);
    }
    if (accountNumber == null) {
      throw new IllegalStateException(flowId + ": no account in " + applied);
    }
    boolean accepted = "accept".equals(decision);
    String state = accepted ? "APPROVED" : "CANCELLED";
    expect(till.applicantDecision(flowId, decision), flowId, state, "AWAITING_SHOPPER");
    Map<String, Integer> effects = accepted ? Map.of(ACCOUNT_OPENED, 1) : Map.of(ACCOUNT_OPENED, 1, ACCOUNT_CLOSED, 1);
    return flow(accepted ? APPLICATION_APPROVED : APPLICATION_CANCELLED, flowId, state, Set.of(accountNumber), effects);
  }

  /** Started for John Doe and waiting for the code sent by sms. */
  private static String verified(FlexitiTill till, String reference) {
    String flowId = FlexitiTill.flowId(reference);
    expect(till.purchase(reference, JOHN_VCC, PURCHASE.toPlainString()), flowId, "AWAITING_VERIFICATION");
    return flowId;
  }

  /** The posted transaction's id, from the terms (an answer) or the status (a repeat's answer). */
  private static String transactionId(JsonNode answer, String flowId) {
    expect(answer, flowId, "AWAITING_SHOPPER", "POSTED", "CANCELLED");
    String id = answer.path("transactionId").asString(null);
    if (id == null) {
      id = answer.path("providerIds").path("transactionId").asString(null);
    }
    if (id == null) {
      throw new IllegalStateException(flowId + ": no transaction id in " + answer);
    }
    return id;
  }

  /** The answer's state is one of {@code states} (the first is where the script ends; the others, on its way). */
  private static void expect(JsonNode answer, String flowId, String... states) {
    String state = answer.path("state").asString();
    if (!List.of(states).contains(state)) {
      throw new IllegalStateException(flowId + ": expected " + List.of(states) + ", answered " + answer);
    }
  }

  private ScriptedFlow flow(String end, String flowId, String state, Set<String> references, Map<String, Integer> effects) {
    return new ScriptedFlow(provider(), end, flowId, state, references, effects);
  }

  /**
   * The transaction ids of the flow and, for an application, its account; never John Doe's
   * customer id or account number, which every purchase and return of his shares.
   */
  @Override
  public Set<String> references(ScriptedFlow flow, JsonNode status) {
    Set<String> references = new HashSet<>(flow.references());
    JsonNode ids = status.path("providerIds");
    for (String name : List.of("transactionId", "returnTransactionId")) {
      if (ids.hasNonNull(name)) {
        references.add(ids.path(name).asString());
      }
    }
    if (flow.end().startsWith("application-") && ids.hasNonNull("accountNumber")) {
      references.add(ids.path("accountNumber").asString());
    }
    return references;
  }

  @Override
  public List<String> disagreements(ScriptedFlow flow, JsonNode status, List<JsonNode> ledger) {
    List<String> found = new ArrayList<>();
    switch (flow.end()) {
      case RETURNED -> {
        LedgerAmounts.compare(status, "orderAmount", ledger, RETURN_POSTED).ifPresent(found::add);
        BigDecimal posted = LedgerAmounts.sum(ledger, TRANSACTION_POSTED);
        if (posted.compareTo(PURCHASE) != 0) {
          found.add("the returned purchase was " + PURCHASE + " but the ledger's transaction_posted entries sum to " + posted);
        }
      }
      case APPLICATION_APPROVED, APPLICATION_CANCELLED ->
          LedgerAmounts.compare(status, "orderAmount", ledger, ACCOUNT_OPENED).ifPresent(found::add);
      default -> LedgerAmounts.compare(status, "capturedAmount", ledger, TRANSACTION_POSTED).ifPresent(found::add);
    }
    return found;
  }
}
