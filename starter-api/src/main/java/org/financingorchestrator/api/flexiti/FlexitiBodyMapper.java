package org.financingorchestrator.api.flexiti;

import org.financingorchestrator.workflows.flexiti.FlexitiCustomerKey;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseRequest;
import org.financingorchestrator.workflows.flexiti.FlexitiVerificationFormat;

/** A checked purchase body as the flow's request. */
final class FlexitiBodyMapper {

  private FlexitiBodyMapper() {}

  static FlexitiPurchaseRequest purchase(FlexitiPurchaseBody body) {
    FlexitiPurchaseBody.Customer c = body.customer();
    FlexitiCustomerKey key =
        new FlexitiCustomerKey(c.vccNumber(), c.accountNumber(), c.firstName(), c.lastName(), c.dob(),
            c.postalCode() == null ? null : c.postalCode().replace(" ", "").toUpperCase(java.util.Locale.ROOT));
    return new FlexitiPurchaseRequest(
        body.merchantReference(),
        body.amount().toMoney(),
        key,
        FlexitiVerificationFormat.ofWireName(body.verification().format()).orElseThrow(),
        body.verification().securityQid(),
        body.verification().securityAnswer(),
        body.planId(),
        body.term(),
        Boolean.TRUE.equals(body.holdAuthorization()),
        body.language() == null ? "en" : body.language());
  }
}
