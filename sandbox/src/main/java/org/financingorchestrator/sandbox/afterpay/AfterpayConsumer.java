package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Afterpay's Consumer object. Personal data: never logged, never in the ledger. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayConsumer(
    String phoneNumber, String givenNames, String surname, String email) {

  @Override
  public String toString() {
    return "AfterpayConsumer[****]";
  }
}
