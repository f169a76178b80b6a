package org.financingorchestrator.api.flexiti;

import org.financingorchestrator.workflows.flexiti.FlexitiCustomerKey;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseRequest;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnRequest;
import org.financingorchestrator.workflows.flexiti.FlexitiVerificationFormat;

/** A checked purchase body as the flow's request. */
final class FlexitiBodyMapper {

  private FlexitiBodyMapper() {}

  static FlexitiPurchaseRequest purchase(FlexitiPurchaseBody body) {
    return new FlexitiPurchaseRequest(
        body.merchantReference(),
        body.amount().toMoney(),
        customer(body.customer()),
        FlexitiVerificationFormat.ofWireName(body.verification().format()).orElseThrow(),
        body.verification().securityQid(),
        body.verification().securityAnswer(),
        body.planId(),
        body.term(),
        Boolean.TRUE.equals(body.holdAuthorization()),
        body.language() == null ? "en" : body.language());
  }

  static FlexitiReturnRequest returnOf(FlexitiReturnBody body) {
    return new FlexitiReturnRequest(body.merchantReference(), customer(body.customer()), body.transactionId(),
        body.amount().toMoney(), body.language() == null ? "en" : body.language());
  }

  private static FlexitiCustomerKey customer(FlexitiPurchaseBody.Customer c) {
    return new FlexitiCustomerKey(c.vccNumber(), c.accountNumber(), c.firstName(), c.lastName(), c.dob(),
        c.postalCode() == null ? null : c.postalCode().replace(" ", "").toUpperCase(java.util.Locale.ROOT));
  }
}
