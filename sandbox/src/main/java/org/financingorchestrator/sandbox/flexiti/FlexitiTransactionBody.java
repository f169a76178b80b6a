package org.financingorchestrator.sandbox.flexiti;

import java.math.BigDecimal;
import java.util.Map;
import org.financingorchestrator.sandbox.common.SandboxApiException;

/**
 * The fields of POST and PUT /transactions, read leniently as Flexiti does (numbers or strings,
 * amounts with thousands separators).
 */
record FlexitiTransactionBody(
    String transactionType,
    String customerId,
    String accountNumber,
    String vccNumber,
    BigDecimal amount,
    String planId,
    Integer term,
    String verificationCode,
    boolean customerConfirmed,
    boolean holdAuthorization,
    String transactionId) {

  static FlexitiTransactionBody read(Map<String, Object> body) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(String.valueOf(body.get("amount")).replace(",", ""));
    } catch (NumberFormatException e) {
      throw new SandboxApiException(400, "wrong_input", "Some inputs are wrong! amount");
    }
    if (amount.signum() <= 0 || amount.scale() > 2) {
      throw new SandboxApiException(400, "wrong_input", "Some inputs are wrong! amount");
    }
    Object term = body.get("term");
    Integer termValue;
    try {
      termValue = term == null || String.valueOf(term).isBlank() ? null : Integer.valueOf(String.valueOf(term));
    } catch (NumberFormatException e) {
      throw new SandboxApiException(400, "wrong_input", "Some inputs are wrong! term");
    }
    return new FlexitiTransactionBody(
        body.get("transaction_type") == null ? "purchase" : String.valueOf(body.get("transaction_type")),
        text(body.get("customer_id")), text(body.get("account_number")), text(body.get("vcc_number")), amount,
        text(body.get("plan_id")), termValue, text(body.get("verification_code")),
        Boolean.TRUE.equals(body.get("customer_confirmed")), Boolean.TRUE.equals(body.get("hold_authorization")),
        text(body.get("transaction_id")));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
