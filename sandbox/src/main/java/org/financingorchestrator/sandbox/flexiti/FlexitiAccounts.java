package org.financingorchestrator.sandbox.flexiti;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.financingorchestrator.sandbox.common.Ledger;
import org.financingorchestrator.sandbox.common.LedgerEvent;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.financingorchestrator.sandbox.common.SandboxState;
import org.springframework.stereotype.Component;

/**
 * The simulated Flexiti's customers and transactions: look-up, verification, transactions posted
 * unconfirmed then confirmed with the PUT, the customer's purchases. Seeded with one customer per
 * case the document describes (see {@link #seed}); reset puts the seed back. Every effect is
 * written to the ledger with ids and amounts only.
 */
@Component
class FlexitiAccounts implements SandboxState {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter LIST_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  private final FlexitiProperties properties;
  private final Ledger ledger;
  private final Clock clock;
  private final Map<String, FlexitiAccount> accounts = new LinkedHashMap<>();
  private final Map<String, FlexitiTransaction> transactions = new LinkedHashMap<>();
  private long nextTransactionId;
  private long nextCustomerId;

  FlexitiAccounts(FlexitiProperties properties, Ledger ledger, Clock clock) {
    this.properties = properties;
    this.ledger = ledger;
    this.clock = clock;
    clear();
  }

  /**
   * VCC ...8234 (John Doe, 1990-01-01, M5M1M1): normal, 5,000.00 of credit, every verification.
   * VCC ...8242 (Jane Roe): normal, 300.00 of credit, no merchant override. ...8259 auth prohibited
   * (A), ...8267 frozen (F), ...8275 charged off (Z), ...8283 closed (C), ...8291 not activated,
   * ...8309 (Noemail Smith): normal, no email on file.
   */
  private void seed() {
    add(new FlexitiAccount("43353", "20035156", "6374980100408234", "John", "Doe", "1990-01-01", "M5M1M1", "ON", 'N', "5000.00", true, true, true, "4", "Rex"));
    add(new FlexitiAccount("43354", "20035157", "6374980100408242", "Jane", "Roe", "1985-05-05", "H2X1Y4", "QC", 'N', "300.00", true, false, true, "7", "Elm"));
    add(new FlexitiAccount("43355", "20035158", "6374980100408259", "Alex", "Auth", "1980-02-02", "T2P1J9", "AB", 'A', "1000.00", true, true, true, "5", "Peru"));
    add(new FlexitiAccount("43356", "20035159", "6374980100408267", "Fay", "Frozen", "1970-03-03", "V6B1A1", "BC", 'F', "1000.00", true, true, true, "5", "Peru"));
    add(new FlexitiAccount("43357", "20035160", "6374980100408275", "Zed", "Chargedoff", "1975-04-04", "R3C0A1", "MB", 'Z', "1000.00", true, true, true, "5", "Peru"));
    add(new FlexitiAccount("43358", "20035161", "6374980100408283", "Cal", "Closed", "1965-06-06", "E1C1A1", "NB", 'C', "1000.00", true, true, true, "5", "Peru"));
    add(new FlexitiAccount("43359", "20035162", "6374980100408291", "Nia", "New", "1995-07-07", "K1A0B1", "ON", 'N', "2000.00", false, true, true, "6", "Muse"));
    add(new FlexitiAccount("43360", "20035163", "6374980100408309", "Noemail", "Smith", "1988-08-08", "M4W1A5", "ON", 'N', "2500.00", true, true, false, "8", "Brown"));
  }

  private void add(FlexitiAccount account) {
    accounts.put(account.customerId, account);
  }

  // --- customers ----------------------------------------------------------------------------------

  synchronized Map<String, Object> lookUp(Map<String, String> query) {
    FlexitiAccount found;
    if (present(query.get("vcc_number"))) {
      found = accounts.values().stream().filter(a -> a.vccNumber.equals(query.get("vcc_number"))).findFirst().orElseThrow(FlexitiErrors::notFound);
    } else if (present(query.get("account_number"))) {
      found = accounts.values().stream().filter(a -> a.accountNumber.equals(query.get("account_number"))).findFirst().orElseThrow(FlexitiErrors::notFound);
    } else if (present(query.get("first_name")) && present(query.get("last_name")) && present(query.get("dob"))) {
      // Several accounts match: the one with the highest open-to-buy, as the document says.
      found = accounts.values().stream()
          .filter(a -> a.firstName.equalsIgnoreCase(query.get("first_name")) && a.lastName.equalsIgnoreCase(query.get("last_name"))
              && a.dob.equals(query.get("dob"))
              && (!present(query.get("postal_code")) || a.postalCode.equalsIgnoreCase(query.get("postal_code").replace(" ", ""))))
          .max(Comparator.comparing((FlexitiAccount a) -> a.availableCredit))
          .orElseThrow(FlexitiErrors::notFound);
    } else {
      throw FlexitiErrors.wrongInput("vcc_number, account_number or first_name, last_name and dob are required");
    }
    if (!found.activated) {
      throw FlexitiErrors.conflict("user_not_active",
          "Before proceeding with the purchase transaction, we need to activate your account. To activate your account or for more information visit my.flexiti.com.");
    }
    if (found.status != 'N') {
      throw FlexitiErrors.notAbleToPurchase();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("available_credit", found.availableCredit);
    answer.put("account_number", Long.parseLong(found.accountNumber));
    answer.put("customer_id", Long.parseLong(found.customerId));
    answer.put("security_qid", List.of(Map.of("id", found.securityQid, "text", FlexitiMerchantForm.SECURITY_QUESTIONS.get(found.securityQid))));
    answer.put("province", found.province);
    answer.put("payment_protection", 0);
    answer.put("risk_rating", "L");
    answer.put("offer_types", FlexitiMerchantForm.OFFERS.stream().map(FlexitiMerchantForm::offerType).toList());
    answer.put("preferred_language", "EN_CA");
    return answer;
  }

  synchronized Map<String, Object> verify(String customerId, Map<String, Object> body) {
    FlexitiAccount account = accounts.get(customerId);
    if (account == null) {
      throw FlexitiErrors.conflict("not_found", "We’re sorry, account number can’t be found.");
    }
    Object format = body.get("format");
    if ("override".equals(format)) {
      if (!account.overrideAllowed) {
        throw FlexitiErrors.conflict("merchant_override_is_not_allowed", "merchant_override_is_not_allowed");
      }
      account.lastCode = fourDigits();
      return Map.of("verification_code", Integer.parseInt(account.lastCode));
    }
    if ("sms".equals(format)) {
      account.lastCode = properties.sentCode();
      return Map.of("verification_code", "verification_sent_to_sms");
    }
    if ("email".equals(format)) {
      if (!account.hasEmail) {
        throw FlexitiErrors.conflict("wrong_input", "Some inputs are wrong!");
      }
      account.lastCode = properties.sentCode();
      return Map.of("verification_code", "verification_sent_to_email");
    }
    if ("security_question".equals(format)) {
      Object qid = body.get("security_qid");
      Object answer = body.get("security_answer");
      if (qid == null || answer == null) {
        throw FlexitiErrors.wrongInput("security_qid and security_answer are required");
      }
      if (!account.securityQid.equals(String.valueOf(qid)) || !account.securityAnswer.equalsIgnoreCase(String.valueOf(answer).trim())) {
        throw FlexitiErrors.conflict("secret_answer_mismatch", "The answer you provided did not match our records.");
      }
      account.lastCode = fourDigits();
      return Map.of("verification_code", Integer.parseInt(account.lastCode));
    }
    throw FlexitiErrors.wrongInput("format must be override, sms, email or security_question");
  }

  synchronized List<Map<String, Object>> purchases(String customerId) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (FlexitiTransaction t : transactions.values()) {
      if (t.customerId.equals(customerId) && t.confirmed && "purchase".equals(t.type) && t.returned.compareTo(t.amount) < 0) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("term", t.term == null ? "" : t.term.toString());
        row.put("transaction_id", t.transactionId);
        row.put("transaction_status", "Posted");
        row.put("customer_name", "Customer " + customerId);
        row.put("transaction_balance", t.amount.subtract(t.returned).toPlainString());
        row.put("transaction_date", LIST_DATE.format(t.date));
        row.put("plan_name", t.planName == null ? "" : t.planName);
        list.add(row);
      }
    }
    if (list.isEmpty()) {
      throw FlexitiErrors.conflict("no_returns_found", "There are no purchases available to return for this customer.");
    }
    return list;
  }

  // --- transactions -------------------------------------------------------------------------------

  /** POST /transactions: posted at once when customer_confirmed is true, otherwise waits for the PUT. */
  synchronized Map<String, Object> post(FlexitiTransactionBody body) {
    if ("return".equals(body.transactionType())) {
      return postReturn(body);
    }
    if (!"purchase".equals(body.transactionType())) {
      throw FlexitiErrors.conflict("invalid_transaction_type", "invalid_transaction_type");
    }
    FlexitiAccount account = accountOf(body);
    requireCode(body.verificationCode(), account.lastCode);
    if (account.status != 'N' || !account.activated) {
      throw FlexitiErrors.notAbleToPurchase();
    }
    FlexitiMerchantForm.Offer offer = null;
    if (present(body.planId())) {
      offer = FlexitiMerchantForm.offer(body.planId()).orElseThrow(() -> FlexitiErrors.wrongInput("plan_id is not offered"));
      if (body.term() == null || !offer.termOptions().contains(body.term())) {
        throw FlexitiErrors.wrongInput("term is not one of the plan's term_options");
      }
    }
    if (body.amount().compareTo(account.availableCredit) > 0) {
      throw FlexitiErrors.conflict("not_enough_credit", "We're sorry, there doesn't seem to be enough credit for this purchase amount.");
    }
    String id = Long.toString(nextTransactionId++);
    FlexitiTransaction transaction =
        new FlexitiTransaction(id, account.customerId, "purchase", body.amount(), offer == null ? "" : offer.planId(),
            offer == null ? null : offer.planName(), offer == null ? null : body.term(),
            offer == null ? BigDecimal.ZERO.setScale(2) : offer.adminFee(), body.verificationCode(),
            body.holdAuthorization(), account.availableCredit, LocalDate.now(clock));
    transactions.put(id, transaction);
    ledger.append(LedgerEvent.of(Flexiti.PROVIDER, "transaction_created")
        .reference("transactionId", id).reference("customerId", account.customerId).amount(body.amount(), Flexiti.CURRENCY));
    if (body.holdAuthorization()) {
      account.availableCredit = account.availableCredit.subtract(body.amount());
      ledger.append(LedgerEvent.of(Flexiti.PROVIDER, "authorization_held")
          .reference("transactionId", id).amount(body.amount(), Flexiti.CURRENCY));
    }
    if (body.customerConfirmed()) {
      confirm(account, transaction);
    }
    return terms(transaction);
  }

  /** PUT /transactions: confirms (posts) the transaction named by transaction_id; again, the same answer. */
  synchronized Map<String, Object> confirm(FlexitiTransactionBody body) {
    FlexitiAccount account = accountOf(body);
    FlexitiTransaction transaction = body.transactionId() == null ? null : transactions.get(body.transactionId());
    if (transaction == null || !transaction.customerId.equals(account.customerId)) {
      throw new SandboxApiException(409, "not_found", "not_found");
    }
    requireCode(body.verificationCode(), transaction.verificationCode);
    if (!body.customerConfirmed()) {
      throw FlexitiErrors.wrongInput("customer_confirmed must be true to confirm a transaction");
    }
    if (!transaction.confirmed) {
      if (!transaction.held && transaction.amount.compareTo(account.availableCredit) > 0) {
        throw FlexitiErrors.conflict("not_enough_credit", "We're sorry, there doesn't seem to be enough credit for this purchase amount.");
      }
      confirm(account, transaction);
    }
    return terms(transaction);
  }

  /**
   * A return against one of the customer's posted purchases (transaction_id): gives the amount back
   * to the open-to-buy at once. No verification code: the money goes back to the customer.
   */
  private Map<String, Object> postReturn(FlexitiTransactionBody body) {
    FlexitiAccount account = accountOf(body);
    FlexitiTransaction purchase = body.transactionId() == null ? null : transactions.get(body.transactionId());
    if (purchase == null || !purchase.customerId.equals(account.customerId) || !purchase.confirmed || !"purchase".equals(purchase.type)) {
      throw new SandboxApiException(409, "not_found", "not_found");
    }
    if (body.amount().compareTo(purchase.amount.subtract(purchase.returned)) > 0) {
      throw FlexitiErrors.wrongInput("amount is more than what is left of the purchase");
    }
    purchase.returned = purchase.returned.add(body.amount());
    account.availableCredit = account.availableCredit.add(body.amount());
    String id = Long.toString(nextTransactionId++);
    FlexitiTransaction returned = new FlexitiTransaction(id, account.customerId, "return", body.amount(), "", null, null,
        BigDecimal.ZERO, null, false, account.availableCredit, LocalDate.now(clock));
    returned.confirmed = true;
    transactions.put(id, returned);
    ledger.append(LedgerEvent.of(Flexiti.PROVIDER, "return_posted").reference("transactionId", id)
        .reference("purchaseTransactionId", purchase.transactionId).reference("customerId", account.customerId)
        .amount(body.amount(), Flexiti.CURRENCY));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("transaction_id", id);
    answer.put("total_amount", body.amount().setScale(5).toPlainString());
    answer.put("verified", true);
    return answer;
  }

  private void confirm(FlexitiAccount account, FlexitiTransaction transaction) {
    if (!transaction.held) {
      account.availableCredit = account.availableCredit.subtract(transaction.amount);
    }
    transaction.confirmed = true;
    ledger.append(LedgerEvent.of(Flexiti.PROVIDER, "transaction_posted")
        .reference("transactionId", transaction.transactionId).reference("customerId", account.customerId)
        .amount(transaction.amount, Flexiti.CURRENCY));
  }

  private Map<String, Object> terms(FlexitiTransaction t) {
    boolean promotional = t.term != null;
    BigDecimal payment = promotional ? t.amount.divide(BigDecimal.valueOf(t.term), 2, RoundingMode.HALF_UP) : t.amount;
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("payment_protection", false);
    answer.put("transaction_id", Long.parseLong(t.transactionId));
    answer.put("available_credit", t.availableBefore);
    answer.put("plan_name", t.planName == null ? "" : t.planName);
    answer.put("term", promotional ? t.term.toString() : "");
    answer.put("admin_fee", t.adminFee);
    answer.put("balance_after_purchase", t.availableBefore.subtract(t.amount));
    // Flexiti writes this one as a string, with thousands separators ("1,200.05").
    answer.put("payment_value", withSeparators(payment));
    answer.put("promotional_amount", t.amount);
    answer.put("customer_confirmed", t.confirmed);
    answer.put("plan_id", t.planId);
    answer.put("verified", true);
    return answer;
  }

  private FlexitiAccount accountOf(FlexitiTransactionBody body) {
    Optional<FlexitiAccount> account = accounts.values().stream()
        .filter(a -> a.customerId.equals(body.customerId()) || a.accountNumber.equals(body.accountNumber()) || a.vccNumber.equals(body.vccNumber()))
        .findFirst();
    return account.orElseThrow(() -> new SandboxApiException(409, "not_found", "not_found"));
  }

  private static void requireCode(String given, String expected) {
    if (!present(given)) {
      throw FlexitiErrors.conflict("verification_code_required", "verification_code_required");
    }
    if (!given.equals(expected)) {
      throw FlexitiErrors.conflict("wrong_verification_code", "wrong_verification_code");
    }
  }

  // --- applications -------------------------------------------------------------------------------

  /** POST /apply: opens an account at the requested amount (capped at 10,000). */
  synchronized Map<String, Object> apply(Map<String, Object> body) {
    for (String field : List.of("amount_requested", "phone_number", "first_name", "last_name", "dob", "city", "province",
        "postal_code", "personal_income", "household_income", "housing_type", "occupation_id", "occupation_title",
        "security_qid", "security_answer", "piw", "tos_agreement")) {
      if (body.get(field) == null || String.valueOf(body.get(field)).isBlank()) {
        throw FlexitiErrors.wrongInput(field + " is required");
      }
    }
    boolean quebec = "QC".equals(body.get("province"));
    if (quebec && body.get("monthly_housing_expenses") == null) {
      throw FlexitiErrors.wrongInput("monthly_housing_expenses is required for Quebec applicants");
    }
    if (!Boolean.TRUE.equals(body.get("tos_agreement"))) {
      throw FlexitiErrors.wrongInput("tos_agreement must be true");
    }
    Optional<FlexitiAccount> existing = accounts.values().stream()
        .filter(a -> a.firstName.equals(String.valueOf(body.get("first_name"))) && a.lastName.equals(String.valueOf(body.get("last_name")))
            && a.dob.equals(String.valueOf(body.get("dob"))) && a.status != 'C')
        .findFirst();
    if (existing.isPresent()) {
      // The same applicant again (a retried application): their account, not a second one.
      return application(existing.get(), quebec, body);
    }
    BigDecimal requested = new BigDecimal(String.valueOf(body.get("amount_requested")).replace(",", ""));
    BigDecimal limit = requested.min(new BigDecimal("10000")).setScale(2, RoundingMode.DOWN);
    String customerId = Long.toString(nextCustomerId++);
    String accountNumber = "2100" + customerId;
    String vcc = "63749801" + String.format("%08d", RANDOM.nextInt(100_000_000));
    FlexitiAccount account = new FlexitiAccount(customerId, accountNumber, vcc, String.valueOf(body.get("first_name")),
        String.valueOf(body.get("last_name")), String.valueOf(body.get("dob")), String.valueOf(body.get("postal_code")),
        String.valueOf(body.get("province")), 'N', limit.toPlainString(), true, true, body.get("email") != null,
        String.valueOf(body.get("security_qid")), String.valueOf(body.get("security_answer")));
    add(account);
    ledger.append(LedgerEvent.of(Flexiti.PROVIDER, "account_opened")
        .reference("customerId", customerId).reference("accountNumber", accountNumber).amount(limit, Flexiti.CURRENCY));
    return application(account, quebec, body);
  }

  private Map<String, Object> application(FlexitiAccount account, boolean quebec, Map<String, Object> body) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("vcc_number", Long.parseLong(account.vccNumber));
    answer.put("account_number", Long.parseLong(account.accountNumber));
    answer.put("customer_id", Long.parseLong(account.customerId));
    answer.put("available_credit", account.availableCredit);
    answer.put("credit_limit", account.creditLimit);
    answer.put("risk_rating", "L");
    if (quebec) {
      answer.put("offer_types", FlexitiMerchantForm.OFFERS.stream().limit(2).map(FlexitiMerchantForm::offerType).toList());
      BigDecimal housing = new BigDecimal(String.valueOf(body.get("monthly_housing_expenses")));
      BigDecimal monthlyIncome = new BigDecimal(String.valueOf(body.get("personal_income"))).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
      answer.put("debt_ratio", monthlyIncome.signum() == 0 ? BigDecimal.ZERO : housing.divide(monthlyIncome, 2, RoundingMode.HALF_UP));
    }
    return answer;
  }

  synchronized Map<String, Object> closeAccount(Map<String, Object> body) {
    String accountNumber = body.get("account_number") == null ? null : String.valueOf(body.get("account_number"));
    FlexitiAccount account = accounts.values().stream().filter(a -> a.accountNumber.equals(accountNumber)).findFirst()
        .orElseThrow(() -> FlexitiErrors.conflict("not_found", "We’re sorry, account number can’t be found."));
    if (account.status != 'C') {
      account.status = 'C';
      ledger.append(LedgerEvent.of(Flexiti.PROVIDER, "account_closed").reference("accountNumber", accountNumber));
    }
    return Map.of();
  }

  // --- sandbox ------------------------------------------------------------------------------------

  @Override
  public synchronized void clear() {
    accounts.clear();
    transactions.clear();
    nextTransactionId = 167635;
    nextCustomerId = 50001;
    seed();
  }

  static String withSeparators(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount);
  }

  private static String fourDigits() {
    return Integer.toString(1000 + RANDOM.nextInt(9000));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
