package org.financingorchestrator.workflows.flexiti;

/**
 * How the clerk names the customer to look up: the VCC number, the account number, or first name,
 * last name, date of birth (yyyy-MM-dd) and postal code. Personal data: toString masks it, and the
 * flow drops it once the look-up has answered.
 */
public record FlexitiCustomerKey(
    String vccNumber, String accountNumber, String firstName, String lastName, String dob, String postalCode) {

  public static FlexitiCustomerKey byVcc(String vccNumber) {
    return new FlexitiCustomerKey(vccNumber, null, null, null, null, null);
  }

  public static FlexitiCustomerKey byAccount(String accountNumber) {
    return new FlexitiCustomerKey(null, accountNumber, null, null, null, null);
  }

  public static FlexitiCustomerKey byDemographics(String firstName, String lastName, String dob, String postalCode) {
    return new FlexitiCustomerKey(null, null, firstName, lastName, dob, postalCode);
  }

  /** "vcc", "account" or "demographics": what the look-up used, safe to show. */
  public String kind() {
    if (vccNumber != null) {
      return "vcc";
    }
    return accountNumber != null ? "account" : "demographics";
  }

  @Override
  public String toString() {
    return "FlexitiCustomerKey[vccNumber=" + FlexitiSecrets.lastFour(vccNumber)
        + ", accountNumber=" + FlexitiSecrets.lastFour(accountNumber)
        + ", firstName=" + FlexitiSecrets.mask(firstName) + ", lastName=" + FlexitiSecrets.mask(lastName)
        + ", dob=" + FlexitiSecrets.mask(dob) + ", postalCode=" + FlexitiSecrets.mask(postalCode) + "]";
  }
}
