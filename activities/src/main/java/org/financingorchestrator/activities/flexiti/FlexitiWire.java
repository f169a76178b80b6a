package org.financingorchestrator.activities.flexiti;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;

/**
 * Flexiti's JSON, field for field (snake_case). Ids come as numbers or strings, so they are read as
 * text; money through {@link FlexitiAmount}. Requests carrying secrets mask them in toString.
 */
final class FlexitiWire {

  private FlexitiWire() {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Token(String tokenType, String accessToken, Long expiresIn, String refreshToken) {
    @Override
    public String toString() {
      return "Token[tokenType=" + tokenType + ", accessToken=****, expiresIn=" + expiresIn + ", refreshToken=****]";
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record MerchantLoginRequest(String merchantUsername, String merchantPassword) {
    @Override
    public String toString() {
      return "MerchantLoginRequest[merchantUsername=" + merchantUsername + ", merchantPassword=****]";
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record MerchantLogin(String merchantName, String merchantId, FormValues formValues) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record FormValues(List<OfferType> offerTypes) {}

  /** Term options come as numbers (merchant login) or strings (look-up). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record OfferType(String planName, List<String> termOptions, String planId, String offerCategory) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Customer(
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal availableCredit,
      String accountNumber,
      String customerId,
      String riskRating) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record VerifyRequest(String format, String securityQid, String securityAnswer) {
    @Override
    public String toString() {
      return "VerifyRequest[format=" + format + ", securityQid=" + securityQid + ", securityAnswer=****]";
    }
  }

  /** verification_code: the code as a number (override, security question) or "verification_sent_to_sms|email". */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Verification(JsonNode verificationCode) {
    @Override
    public String toString() {
      return "Verification[verificationCode=****]";
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TransactionRequest(
      String transactionType,
      String customerId,
      BigDecimal amount,
      String planId,
      Integer term,
      String verificationCode,
      boolean customerConfirmed,
      boolean holdAuthorization,
      String transactionId) {
    @Override
    public String toString() {
      return "TransactionRequest[transactionType=" + transactionType + ", customerId=" + customerId + ", amount=" + amount + ", planId=" + planId + ", term=" + term
          + ", verificationCode=****, customerConfirmed=" + customerConfirmed + ", holdAuthorization=" + holdAuthorization
          + ", transactionId=" + transactionId + "]";
    }
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Transaction(
      String transactionId,
      String planName,
      String planId,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal availableCredit,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal adminFee,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal balanceAfterPurchase,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal paymentValue,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal promotionalAmount,
      Boolean customerConfirmed) {}

  /** A return's answer: its own transaction id (and the In-Store payment shape's total_amount). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ReturnTransaction(String transactionId, @JsonDeserialize(using = FlexitiAmount.class) BigDecimal totalAmount) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CustomerTransactions(List<CustomerTransaction> transactions) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CustomerTransaction(
      String transactionId,
      String transactionStatus,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal transactionBalance,
      String planName) {}

  /**
   * Both error shapes Flexiti answers: {url, message, error} (customers) and {code, error,
   * error_description} (authentication, transactions).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Error(String error, String message, String errorDescription) {}

  /** POST /apply's body. Personal data: toString shows none of it. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ApplyRequest(
      BigDecimal amountRequested, String phoneNumber, String email, String language, String salutation,
      String firstName, String middleName, String lastName, String dob, @com.fasterxml.jackson.annotation.JsonProperty("address_1") String address1,
      @com.fasterxml.jackson.annotation.JsonProperty("address_2") String address2, String city, String province, String postalCode,
      String govidType, String govidIssuedby, String govidNumber, String govidExpiry, String inputType,
      BigDecimal personalIncome, BigDecimal householdIncome, BigDecimal monthlyHousingExpenses, String housingType,
      String occupationId, String occupationTitle, String employerName, String employerPhone, String sin,
      String securityQid, String securityAnswer, String piw, boolean tosAgreement) {
    @Override
    public String toString() {
      return "ApplyRequest[amountRequested=" + amountRequested + ", province=" + province + ", personal data ****]";
    }
  }

  /** The card number (vcc_number) is not read: the flow never holds it. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Application(
      String accountNumber,
      String customerId,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal availableCredit,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal creditLimit,
      List<OfferType> offerTypes,
      @JsonDeserialize(using = FlexitiAmount.class) BigDecimal debtRatio) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record CloseAccountRequest(String accountNumber) {}
}
