package org.financingorchestrator.activities.flexiti;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.activities.common.MalformedAnswers;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.flexiti.FlexitiAccount;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicant;
import org.financingorchestrator.workflows.flexiti.FlexitiApplyCall;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomer;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomerKey;
import org.financingorchestrator.workflows.flexiti.FlexitiOffer;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchase;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnCall;
import org.financingorchestrator.workflows.flexiti.FlexitiTerms;
import org.financingorchestrator.workflows.flexiti.FlexitiTransactionCall;
import org.financingorchestrator.workflows.flexiti.FlexitiVerification;

/** Between the flow's records and Flexiti's wire. Flexiti's money is Canadian dollars. */
final class FlexitiWireMapper {

  static final String CURRENCY = "CAD";

  private FlexitiWireMapper() {}

  static List<FlexitiOffer> offers(FlexitiWire.MerchantLogin login) {
    MalformedAnswers.require(login.formValues(), "form_values");
    List<FlexitiWire.OfferType> types = MalformedAnswers.require(login.formValues().offerTypes(), "form_values.offer_types");
    return types.stream()
        .map(t -> new FlexitiOffer(
            MalformedAnswers.require(t.planId(), "offer_types.plan_id"),
            t.planName(),
            t.termOptions() == null ? List.of() : t.termOptions().stream().map(String::trim).map(Integer::valueOf).toList()))
        .toList();
  }

  /** The look-up's query: the one way the clerk named the customer, and the language. */
  static Map<String, String> lookUpQuery(FlexitiCustomerKey key, String language) {
    Map<String, String> query = new LinkedHashMap<>();
    if (key.vccNumber() != null) {
      query.put("vcc_number", key.vccNumber());
    } else if (key.accountNumber() != null) {
      query.put("account_number", key.accountNumber());
    } else {
      query.put("first_name", key.firstName());
      query.put("last_name", key.lastName());
      query.put("dob", key.dob());
      query.put("postal_code", key.postalCode());
    }
    if (language != null) {
      query.put("lang", language);
    }
    return query;
  }

  static FlexitiCustomer customer(FlexitiWire.Customer customer) {
    BigDecimal available = customer.availableCredit();
    return new FlexitiCustomer(
        MalformedAnswers.require(customer.customerId(), "customer_id"),
        customer.accountNumber(),
        available == null ? null : money(available));
  }

  static FlexitiVerification verification(FlexitiWire.Verification answer) {
    JsonNode code = MalformedAnswers.require(answer.verificationCode(), "verification_code");
    if (code.isIntegralNumber()) {
      return new FlexitiVerification(code.asText());
    }
    String text = code.asText();
    if (text.matches("[0-9]{4,8}")) {
      return new FlexitiVerification(text);
    }
    if (text.startsWith("verification_sent_to_")) {
      return new FlexitiVerification(null);
    }
    // Neither a code nor "sent": a malformed answer, named by its field.
    return MalformedAnswers.require(null, "verification_code as a code or verification_sent_to_*");
  }

  static FlexitiWire.TransactionRequest transaction(FlexitiTransactionCall call) {
    return new FlexitiWire.TransactionRequest(
        null,
        call.customerId(), call.amount().amount(), call.planId(), call.term(), call.verificationCode(),
        call.customerConfirmed(), call.holdAuthorization(), call.transactionId());
  }

  static FlexitiTerms terms(FlexitiWire.Transaction t) {
    return new FlexitiTerms(
        MalformedAnswers.require(t.transactionId(), "transaction_id"),
        t.planName(),
        money(MalformedAnswers.require(t.paymentValue(), "payment_value")),
        t.adminFee() == null ? Money.zero(CURRENCY) : money(t.adminFee()),
        money(MalformedAnswers.require(t.balanceAfterPurchase(), "balance_after_purchase")),
        t.availableCredit() == null ? null : money(t.availableCredit()));
  }

  static final String RETURN = "return";

  /** A return: no verification code (money goes back to the customer), confirmed at once. */
  static FlexitiWire.TransactionRequest returnRequest(FlexitiReturnCall call) {
    return new FlexitiWire.TransactionRequest(
        RETURN, call.customerId(), call.amount().amount(), null, null, null, true, false, call.purchaseTransactionId());
  }

  static List<FlexitiPurchase> purchases(FlexitiWire.CustomerTransactions list) {
    // "No purchases" is Flexiti's 409 no_returns_found; a success without the list is broken, and
    // must not read as "not posted" when a lost confirmation is settled by it.
    MalformedAnswers.require(list, "the answer");
    return MalformedAnswers.require(list.transactions(), "transactions").stream()
        .map(t -> new FlexitiPurchase(
            MalformedAnswers.require(t.transactionId(), "transactions.transaction_id"), t.transactionStatus(),
            money(MalformedAnswers.require(t.transactionBalance(), "transactions.transaction_balance")), t.planName()))
        .toList();
  }

  /** Exact: "120.05000" is 120.05; an amount with a third decimal that is not zero fails (ArithmeticException). */
  static Money money(BigDecimal amount) {
    BigDecimal exact = amount.scale() > Money.SCALE ? amount.stripTrailingZeros() : amount;
    return new Money(exact, CURRENCY);
  }

  static FlexitiWire.ApplyRequest apply(FlexitiApplyCall call) {
    FlexitiApplicant a = call.applicant();
    return new FlexitiWire.ApplyRequest(
        call.amountRequested().amount(), a.phoneNumber(), a.email(), call.language(), a.salutation(), a.firstName(),
        a.middleName(), a.lastName(), a.dob(), a.address1(), a.address2(), a.city(), a.province(), a.postalCode(),
        a.govidType(), a.govidIssuedBy(), a.govidNumber(), a.govidExpiry(), a.govidType() == null ? null : "manual",
        a.personalIncome(), a.householdIncome(), a.monthlyHousingExpenses(), a.housingType(), a.occupationId(),
        a.occupationTitle(), a.employerName(), a.employerPhone(), a.sin(), a.securityQid(), a.securityAnswer(), a.piw(),
        call.tosAgreement());
  }

  static FlexitiAccount account(FlexitiWire.Application answer) {
    List<FlexitiOffer> offers =
        answer.offerTypes() == null ? List.of() : offers(new FlexitiWire.MerchantLogin(null, null, new FlexitiWire.FormValues(answer.offerTypes())));
    return new FlexitiAccount(
        MalformedAnswers.require(answer.customerId(), "customer_id"),
        MalformedAnswers.require(answer.accountNumber(), "account_number"),
        money(MalformedAnswers.require(answer.creditLimit(), "credit_limit")),
        answer.availableCredit() == null ? null : money(answer.availableCredit()),
        answer.debtRatio(),
        offers);
  }
}
