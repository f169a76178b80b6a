package org.financingorchestrator.workflows.flexiti;

import java.math.BigDecimal;

/**
 * The applicant of a credit application, in Flexiti's apply fields. All of it is personal data:
 * toString shows none of it but the province, and the flow drops it once Flexiti has answered.
 * Incomes and housing expenses are exact Canadian dollars.
 */
public record FlexitiApplicant(
    String salutation,
    String firstName,
    String middleName,
    String lastName,
    String dob,
    String phoneNumber,
    String email,
    String address1,
    String address2,
    String city,
    String province,
    String postalCode,
    String govidType,
    String govidIssuedBy,
    String govidNumber,
    String govidExpiry,
    BigDecimal personalIncome,
    BigDecimal householdIncome,
    BigDecimal monthlyHousingExpenses,
    String housingType,
    String occupationId,
    String occupationTitle,
    String employerName,
    String employerPhone,
    String sin,
    String securityQid,
    String securityAnswer,
    String piw) {

  public static final String QUEBEC = "QC";

  public boolean inQuebec() {
    return QUEBEC.equals(province);
  }

  @Override
  public String toString() {
    return "FlexitiApplicant[province=" + province + ", personal data ****]";
  }
}
