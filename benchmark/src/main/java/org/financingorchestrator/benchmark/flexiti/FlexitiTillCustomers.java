package org.financingorchestrator.benchmark.flexiti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.financingorchestrator.benchmark.common.Http;

/**
 * The customers at the tills. Every purchase takes credit at Flexiti, so one customer would run out
 * within seconds: each purchase in flight takes a customer of its own from this pool, and gives it
 * back with its open-to-buy less the purchase. A customer whose credit is too low for another
 * purchase is dropped, and a new one applies, as a shopper without an account would at the till:
 * through the stack's credit application (outside Quebec: approved at once, with the requested
 * limit). Shared by the stack's and the direct baseline's loads, which use the same sandbox.
 */
final class FlexitiTillCustomers {

  /** The sandbox's cap on a new account. */
  static final BigDecimal CREDIT_LIMIT = new BigDecimal("10000.00");

  /** An account opened here, with what is left of its credit as far as the load knows. */
  record Customer(String accountNumber, BigDecimal openToBuy) {

    Customer after(BigDecimal purchase) {
      return new Customer(accountNumber, openToBuy.subtract(purchase));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConcurrentLinkedQueue<Customer> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final Http http;
  private final String applicationsUrl;
  private final String authorization;
  /** Tells this load's applicants apart from an earlier load's on the same sandbox. */
  private final String run = Long.toString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE, 36);

  FlexitiTillCustomers(Http http, String applicationsUrl, String authorization) {
    this.http = http;
    this.applicationsUrl = applicationsUrl;
    this.authorization = authorization;
  }

  /** A customer with at least {@code amount} of credit: an idle one, or one who applies now. */
  Customer take(BigDecimal amount) throws Exception {
    for (Customer customer = idle.poll(); customer != null; customer = idle.poll()) {
      if (customer.openToBuy().compareTo(amount) >= 0) {
        return customer;
      }
    }
    return apply();
  }

  void giveBack(Customer customer) {
    idle.add(customer);
  }

  private Customer apply() throws Exception {
    int number = opened.incrementAndGet();
    HttpResponse<String> applied = http.postJson(applicationsUrl, authorization, application("bench-" + run + "-applicant-" + number, number));
    JsonNode account = applied.statusCode() == 201 ? JSON.readTree(applied.body()).path("account") : null;
    if (account == null || account.path("accountNumber").asText().isEmpty()) {
      throw new IllegalStateException("A till customer's credit application was answered " + applied.statusCode() + ": " + applied.body());
    }
    return new Customer(account.path("accountNumber").asText(), new BigDecimal(account.path("creditLimit").path("amount").asText()));
  }

  /** README's applicant, in Ontario (approved at once), with a name of its own: the sandbox answers one account per name. */
  private String application(String reference, int number) {
    return """
        {"merchantReference": "%s",
         "amountRequested": {"amount": "%s", "currency": "CAD"},
         "language": "en", "tosAgreement": true,
         "applicant": {"salutation": "mr", "firstName": "Till", "lastName": "Bench %s %d", "dob": "1990-01-01",
           "phoneNumber": "5551231231", "address1": "123 Any Street", "city": "Toronto", "province": "ON",
           "postalCode": "M5M 1M1", "personalIncome": "60000", "householdIncome": "90000",
           "housingType": "Rent", "occupationId": "FE", "occupationTitle": "Baker",
           "securityQid": "8", "securityAnswer": "Horse", "piw": "Cloud"}}
        """
        .formatted(reference, CREDIT_LIMIT.toPlainString(), run, number);
  }
}
