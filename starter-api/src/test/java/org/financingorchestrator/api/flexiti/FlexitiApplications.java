package org.financingorchestrator.api.flexiti;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Quebec credit application as the till sends it (Flexiti's own example applicant). */
public final class FlexitiApplications {

  private FlexitiApplications() {}

  public static Map<String, Object> quebec(String reference) {
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("salutation", "mr");
    applicant.put("firstName", "Jean");
    applicant.put("lastName", "Tremblay");
    applicant.put("dob", "1990-01-01");
    applicant.put("phoneNumber", "5551231231");
    applicant.put("address1", "123 Any Street");
    applicant.put("city", "Montreal");
    applicant.put("province", "QC");
    applicant.put("postalCode", "H2X 1Y4");
    applicant.put("personalIncome", "60000");
    applicant.put("householdIncome", "90000");
    applicant.put("monthlyHousingExpenses", "1000");
    applicant.put("housingType", "Rent");
    applicant.put("occupationId", "FE");
    applicant.put("occupationTitle", "Baker");
    applicant.put("sin", "123456789");
    applicant.put("securityQid", "8");
    applicant.put("securityAnswer", "Horse");
    applicant.put("piw", "Cloud");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("merchantReference", reference);
    body.put("amountRequested", Map.of("amount", "5000.00", "currency", "CAD"));
    body.put("applicant", applicant);
    body.put("language", "en");
    body.put("tosAgreement", true);
    return body;
  }
}
