package org.financingorchestrator.benchmark.flexiti;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.financingorchestrator.benchmark.common.FlowOutcome;
import org.financingorchestrator.benchmark.common.FlowScript;
import org.financingorchestrator.benchmark.common.Http;

/**
 * A Flexiti purchase at the till as README walks it, over HTTP: the clerk starts it with the
 * customer's account number and an sms verification (201 AWAITING_VERIFICATION once Flexiti has
 * looked the customer up and sent the code), enters the code the customer reads out (the purchase
 * is posted unconfirmed: AWAITING_SHOPPER with the terms), and the customer accepts the terms (the
 * flow confirms the transaction: POSTED). The customer's wait is that last step, the one where
 * Flexiti commits the money. The same script drives starter-api and the direct baseline.
 */
final class FlexitiPurchaseScript implements FlowScript {

  /** A small purchase on README's plan, so one customer's credit lasts hundreds of purchases. */
  static final BigDecimal AMOUNT = new BigDecimal("12.00");
  /** The code the sandbox's sms "sends" (sandbox.flexiti.sent-code). */
  static final String SENT_CODE = "246810";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Http http;
  private final String purchasesUrl;
  private final String authorization;
  private final FlexitiTillCustomers customers;
  /** The flow's URL from its id (the clerk's inputs are posted under it). */
  private final UnaryOperator<String> flowUrl;

  FlexitiPurchaseScript(
      Http http, String purchasesUrl, String authorization, FlexitiTillCustomers customers, UnaryOperator<String> flowUrl) {
    this.http = http;
    this.purchasesUrl = purchasesUrl;
    this.authorization = authorization;
    this.customers = customers;
    this.flowUrl = flowUrl;
  }

  @Override
  public FlowOutcome run(String reference) throws Exception {
    FlexitiTillCustomers.Customer customer = customers.take(AMOUNT);
    FlowOutcome outcome = FlowOutcome.failed("not started");
    try {
      outcome = purchase(reference, customer.accountNumber());
      return outcome;
    } finally {
      // A purchase that failed before the confirmation took no credit; one that failed in it may
      // have: count it as taken, the pool only needs a lower bound.
      customers.giveBack(outcome.completed() || outcome.error().startsWith("confirm") ? customer.after(AMOUNT) : customer);
    }
  }

  private FlowOutcome purchase(String reference, String accountNumber) throws Exception {
    HttpResponse<String> started = http.postJson(purchasesUrl, authorization, body(reference, accountNumber));
    if (started.statusCode() != 201 || !started.body().contains("AWAITING_VERIFICATION")) {
      return FlowOutcome.failed("start " + started.statusCode());
    }
    String flowId = JSON.readTree(started.body()).path("flowId").asText();
    HttpResponse<String> posted =
        http.postJson(flowUrl.apply(flowId) + "/verification-code", authorization, "{\"code\": \"" + SENT_CODE + "\"}");
    if (posted.statusCode() != 200 || !posted.body().contains("AWAITING_SHOPPER")) {
      return FlowOutcome.failed("verification-code " + posted.statusCode());
    }
    long accepted = System.nanoTime();
    HttpResponse<String> confirmed =
        http.postJson(flowUrl.apply(flowId) + "/customer-confirmation", authorization, "{\"decision\": \"accept\"}");
    long answered = System.nanoTime();
    if (confirmed.statusCode() != 200 || !confirmed.body().contains("POSTED")) {
      return FlowOutcome.failed("confirm " + confirmed.statusCode());
    }
    return FlowOutcome.completed(answered - accepted);
  }

  /** README's purchase (plan 5 over 6 months, sms verification), by account number. */
  static String body(String reference, String accountNumber) {
    return """
        {"merchantReference": "%s",
         "amount": {"amount": "%s", "currency": "CAD"},
         "customer": {"accountNumber": "%s"},
         "verification": {"format": "sms"},
         "planId": "5", "term": 6}
        """
        .formatted(reference, AMOUNT.toPlainString(), accountNumber);
  }
}
