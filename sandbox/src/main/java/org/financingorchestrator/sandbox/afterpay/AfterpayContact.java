package org.financingorchestrator.sandbox.afterpay;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Afterpay's Contact object (billing or shipping). Personal data: never logged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AfterpayContact(
    String name,
    String line1,
    String line2,
    String suburb,
    String state,
    String postcode,
    String countryCode,
    String phoneNumber) {

  @Override
  public String toString() {
    return "AfterpayContact[****]";
  }
}
