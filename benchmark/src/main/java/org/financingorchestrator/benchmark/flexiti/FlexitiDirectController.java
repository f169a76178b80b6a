package org.financingorchestrator.benchmark.flexiti;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.financingorchestrator.activities.flexiti.FlexitiActivitiesImpl;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomer;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomerKey;
import org.financingorchestrator.workflows.flexiti.FlexitiTerms;
import org.financingorchestrator.workflows.flexiti.FlexitiTransactionCall;
import org.financingorchestrator.workflows.flexiti.FlexitiVerificationFormat;
import org.financingorchestrator.workflows.flexiti.FlexitiVerifyCall;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Flexiti purchase at the till without orchestration, with the flow's calls in its order: the
 * merchant's offers (logged in once per language), the look-up, the verification; on the clerk's
 * code the transaction posted unconfirmed; on the customer's acceptance the PUT that confirms it.
 * The worker's client, answered as starter-api answers. Only the sms verification, the load's.
 */
@RestController
@RequestMapping("/direct/flexiti/purchases")
class FlexitiDirectController {

  /** What the till remembers of a purchase between the clerk's steps, in memory only. */
  private record Purchase(FlexitiCustomer customer, Money amount, String planId, Integer term, String language,
      String code, FlexitiTerms terms) {

    FlexitiTransactionCall transaction(String transactionId) {
      return new FlexitiTransactionCall(customer.customerId(), amount, planId, term, code, false, transactionId, language);
    }
  }

  private final FlexitiActivitiesImpl flexiti;
  private final Map<String, Purchase> purchases = new ConcurrentHashMap<>();

  FlexitiDirectController(FlexitiActivitiesImpl flexiti) {
    this.flexiti = flexiti;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> start(@RequestBody JsonNode body) {
    String flowId = "flexiti-direct-" + body.path("merchantReference").asString();
    String language = "en";
    String planId = body.path("planId").asString();
    int term = body.path("term").asInt();
    boolean offered = flexiti.merchantOffers(language).stream()
        .anyMatch(offer -> offer.planId().equals(planId) && offer.termOptions().contains(term));
    if (!offered) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).build();
    }
    FlexitiCustomer customer =
        flexiti.lookUp(FlexitiCustomerKey.byAccount(body.path("customer").path("accountNumber").asString()), language);
    flexiti.verify(new FlexitiVerifyCall(customer.customerId(), FlexitiVerificationFormat.SMS, null, null, language));
    JsonNode amount = body.path("amount");
    purchases.put(flowId, new Purchase(customer,
        new Money(new BigDecimal(amount.path("amount").asString()), amount.path("currency").asString()),
        planId, term, language, null, null));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("flowId", flowId, "state", "AWAITING_VERIFICATION", "verificationAttemptsLeft", 3));
  }

  @PostMapping("/{flowId}/verification-code")
  ResponseEntity<Map<String, Object>> verificationCode(@PathVariable String flowId, @RequestBody JsonNode body) {
    Purchase purchase = purchases.get(flowId);
    if (purchase == null) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    Purchase coded = new Purchase(purchase.customer(), purchase.amount(), purchase.planId(), purchase.term(),
        purchase.language(), body.path("code").asString(), null);
    FlexitiTerms terms = flexiti.postTransaction(coded.transaction(null));
    purchases.put(flowId, new Purchase(coded.customer(), coded.amount(), coded.planId(), coded.term(), coded.language(),
        coded.code(), terms));
    return ResponseEntity.ok(Map.of("flowId", flowId, "state", "AWAITING_SHOPPER", "terms", terms));
  }

  @PostMapping("/{flowId}/customer-confirmation")
  ResponseEntity<Map<String, Object>> customerConfirmation(@PathVariable String flowId, @RequestBody JsonNode body) {
    Purchase purchase = purchases.remove(flowId);
    if (purchase == null || purchase.terms() == null || !"accept".equals(body.path("decision").asString())) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    FlexitiTerms terms = flexiti.confirmTransaction(purchase.transaction(purchase.terms().transactionId()));
    return ResponseEntity.ok(Map.of("flowId", flowId, "state", "POSTED", "transactionId", terms.transactionId()));
  }
}
