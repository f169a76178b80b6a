package org.financingorchestrator.api.flexiti;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.MoneyBody;

/**
 * A point-of-sale purchase as the merchant's till sends it. The customer is named one way: by
 * {@code vccNumber}, by {@code accountNumber}, or by first name, last name, date of birth and postal
 * code. {@code planId} and {@code term} pick the promotion (both absent for a regular purchase).
 */
public record FlexitiPurchaseBody(
    @Schema(example = "till-7-0001")
        @NotNull
        @Pattern(regexp = FlowIds.MERCHANT_REFERENCE_REGEX, message = FlowIds.MERCHANT_REFERENCE_RULE)
        String merchantReference,
    @NotNull @Valid MoneyBody amount,
    @NotNull @Valid Customer customer,
    @NotNull @Valid Verification verification,
    @Schema(example = "5") @Pattern(regexp = "[0-9]{1,4}", message = "must be a Flexiti plan id") String planId,
    @Schema(example = "6") Integer term,
    Boolean holdAuthorization,
    @Schema(example = "en") @Pattern(regexp = "en|fr", message = "must be en or fr") String language) {

  public record Customer(
      @Pattern(regexp = "[0-9]{16}", message = "must be the 16 digits of the VCC") String vccNumber,
      @Pattern(regexp = "[0-9]{1,12}", message = "must be the account's digits") String accountNumber,
      @Pattern(regexp = ".{1,60}", message = "must be 1 to 60 characters") String firstName,
      @Pattern(regexp = ".{1,60}", message = "must be 1 to 60 characters") String lastName,
      @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must be yyyy-MM-dd") String dob,
      @Pattern(regexp = "[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]", message = "must be a Canadian postal code")
          String postalCode) {

    @Override
    public String toString() {
      return "Customer[****]";
    }
  }

  public record Verification(
      @Schema(example = "sms") @NotNull @Pattern(regexp = "override|sms|email|security_question",
          message = "must be override, sms, email or security_question") String format,
      @Pattern(regexp = "[0-9]{1,3}", message = "must be a security question id") String securityQid,
      @Pattern(regexp = ".{1,100}", message = "must be 1 to 100 characters") String securityAnswer) {

    @Override
    public String toString() {
      return "Verification[format=" + format + ", securityQid=" + securityQid + ", securityAnswer=****]";
    }
  }
}
