package org.financingorchestrator.api.flexiti;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.financingorchestrator.api.common.AmountDeserializer;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.MoneyBody;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A credit application at the till, in Flexiti's apply fields. {@code tosAgreement} must be true:
 * the applicant has read and accepted Flexiti's terms for their province.
 */
public record FlexitiApplicationBody(
    @Schema(example = "app-0001") @NotNull
        @Pattern(regexp = FlowIds.MERCHANT_REFERENCE_REGEX, message = FlowIds.MERCHANT_REFERENCE_RULE) String merchantReference,
    @NotNull @Valid MoneyBody amountRequested,
    @NotNull @Valid Applicant applicant,
    @Schema(example = "en") @Pattern(regexp = "en|fr", message = "must be en or fr") String language,
    @NotNull Boolean tosAgreement) {

  public record Applicant(
      @NotNull @Pattern(regexp = "mr|ms|mrs|mss", message = "must be mr, ms, mrs or mss") String salutation,
      @NotNull @Size(min = 1, max = 60) String firstName,
      @Size(max = 60) String middleName,
      @NotNull @Size(min = 1, max = 60) String lastName,
      @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must be yyyy-MM-dd") String dob,
      @NotNull @Pattern(regexp = "[0-9]{10}", message = "must be 10 digits") String phoneNumber,
      @Size(max = 120) String email,
      @NotNull @Size(min = 1, max = 120) String address1,
      @Size(max = 120) String address2,
      @NotNull @Size(min = 1, max = 60) String city,
      @NotNull @Pattern(regexp = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT", message = "must be a Canadian province code") String province,
      @NotNull @Pattern(regexp = "[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]", message = "must be a Canadian postal code") String postalCode,
      @Size(max = 10) String govidType,
      @Size(max = 10) String govidIssuedBy,
      @Size(max = 40) String govidNumber,
      @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must be yyyy-MM-dd") String govidExpiry,
      @NotNull @JsonDeserialize(using = AmountDeserializer.class) @Digits(integer = 12, fraction = 2) @DecimalMin("0.00") BigDecimal personalIncome,
      @NotNull @JsonDeserialize(using = AmountDeserializer.class) @Digits(integer = 12, fraction = 2) @DecimalMin("0.00") BigDecimal householdIncome,
      @JsonDeserialize(using = AmountDeserializer.class) @Digits(integer = 12, fraction = 2) @DecimalMin("0.00") BigDecimal monthlyHousingExpenses,
      @NotNull @Size(min = 1, max = 20) String housingType,
      @NotNull @Size(min = 1, max = 10) String occupationId,
      @NotNull @Size(min = 1, max = 60) String occupationTitle,
      @Size(max = 60) String employerName,
      @Pattern(regexp = "[0-9]{10}", message = "must be 10 digits") String employerPhone,
      @Pattern(regexp = "[0-9]{9}", message = "must be 9 digits") String sin,
      @NotNull @Pattern(regexp = "[0-9]{1,3}", message = "must be a security question id") String securityQid,
      @NotNull @Size(min = 1, max = 100) String securityAnswer,
      @NotNull @Size(min = 1, max = 100) String piw) {

    @Override
    public String toString() {
      return "Applicant[province=" + province + ", ****]";
    }
  }
}
