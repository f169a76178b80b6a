package org.financingorchestrator.sandbox.flexiti;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One transaction posted to an account: unconfirmed until the PUT, then Posted. */
final class FlexitiTransaction {

  final String transactionId;
  final String customerId;
  final String type;
  final BigDecimal amount;
  final String planId;
  final String planName;
  final Integer term;
  final BigDecimal adminFee;
  final String verificationCode;
  final boolean held;
  final BigDecimal availableBefore;
  final LocalDate date;
  boolean confirmed;
  BigDecimal returned = BigDecimal.ZERO;

  FlexitiTransaction(String transactionId, String customerId, String type, BigDecimal amount, String planId,
      String planName, Integer term, BigDecimal adminFee, String verificationCode, boolean held,
      BigDecimal availableBefore, LocalDate date) {
    this.transactionId = transactionId;
    this.customerId = customerId;
    this.type = type;
    this.amount = amount;
    this.planId = planId;
    this.planName = planName;
    this.term = term;
    this.adminFee = adminFee;
    this.verificationCode = verificationCode;
    this.held = held;
    this.availableBefore = availableBefore;
    this.date = date;
  }
}
