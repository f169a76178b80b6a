package org.financingorchestrator.sandbox.flexiti;

import java.math.BigDecimal;

/**
 * One simulated customer account. Status is Flexiti's CUSS7: N (normal, the only one that buys), A
 * (auth prohibited), F (frozen), Z (charged off), C (closed). Mutable under {@link FlexitiAccounts}'s
 * lock: the open-to-buy and the last verification code issued.
 */
final class FlexitiAccount {

  final String customerId;
  final String accountNumber;
  final String vccNumber;
  final String firstName;
  final String lastName;
  final String dob;
  final String postalCode;
  final String province;
  final boolean activated;
  final boolean overrideAllowed;
  final boolean hasEmail;
  final String securityQid;
  final String securityAnswer;
  char status;
  BigDecimal creditLimit;
  BigDecimal availableCredit;
  String lastCode;

  FlexitiAccount(String customerId, String accountNumber, String vccNumber, String firstName, String lastName,
      String dob, String postalCode, String province, char status, String creditLimit, boolean activated,
      boolean overrideAllowed, boolean hasEmail, String securityQid, String securityAnswer) {
    this.customerId = customerId;
    this.accountNumber = accountNumber;
    this.vccNumber = vccNumber;
    this.firstName = firstName;
    this.lastName = lastName;
    this.dob = dob;
    this.postalCode = postalCode;
    this.province = province;
    this.status = status;
    this.creditLimit = new BigDecimal(creditLimit);
    this.availableCredit = new BigDecimal(creditLimit);
    this.activated = activated;
    this.overrideAllowed = overrideAllowed;
    this.hasEmail = hasEmail;
    this.securityQid = securityQid;
    this.securityAnswer = securityAnswer;
  }
}
