package org.financingorchestrator.workflows.flexiti;

import java.math.BigDecimal;
import java.util.List;
import org.financingorchestrator.workflows.common.Money;

/**
 * The account an approved application opened: Flexiti's ids and the credit; for a Quebec applicant
 * also the debt ratio and the offers, which must be shown before they accept. No card number.
 */
public record FlexitiAccount(
    String customerId,
    String accountNumber,
    Money creditLimit,
    Money availableCredit,
    BigDecimal debtRatio,
    List<FlexitiOffer> offers) {

  public FlexitiAccount {
    offers = offers == null ? List.of() : List.copyOf(offers);
  }
}
