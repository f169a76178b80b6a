package org.financingorchestrator.activities.afterpay;

import org.financingorchestrator.workflows.afterpay.AfterpayTimeouts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.financingorchestrator.workflows.afterpay.AfterpayCallbacks;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayConsumer;
import org.financingorchestrator.workflows.afterpay.AfterpayContact;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayCreateOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayDiscount;
import org.financingorchestrator.workflows.afterpay.AfterpayItem;
import org.financingorchestrator.workflows.afterpay.AfterpayMerchantRedirects;
import org.financingorchestrator.workflows.common.Money;

/** Known credentials, a full Create Order call and the Afterpay answers the tests replay. */
final class AfterpayFixtures {

  static final String MERCHANT_ID = "100101";
  static final String SECRET_KEY = "secret";
  /** base64("100101:secret"), computed by hand, not by the code under test. */
  static final String AUTHORIZATION = "Basic MTAwMTAxOnNlY3JldA==";

  static final String TOKEN = "q54l9qd907m6iqqqlcrm5tpbjjsnfo47vsm59gqrfnd2rqefk9hu";

  static final Instant NOW = Instant.parse("2026-10-21T07:26:00Z");

  private AfterpayFixtures() {}

  static String userAgent() {
    String version = System.getProperty("expected.project.version");
    if (version == null) {
      throw new IllegalStateException("surefire sets expected.project.version");
    }
    return "FinancingOrchestrator-Activities/"
        + version
        + " (Java/"
        + System.getProperty("java.version")
        + "; Merchant/100101)";
  }

  static AfterpayClientSettings settings(String baseUrl) {
    return new AfterpayClientSettings(URI.create(baseUrl), MERCHANT_ID, SECRET_KEY);
  }

  static AfterpayApi api(String baseUrl) {
    return api(baseUrl, AfterpayTimeouts.DOCUMENTED, Clock.systemUTC());
  }

  static AfterpayApi api(String baseUrl, AfterpayTimeouts timeouts, Clock clock) {
    return AfterpayApiFactory.create(settings(baseUrl), new SimpleMeterRegistry(), timeouts, clock);
  }

  static AfterpayActivitiesImpl activities(AfterpayApi api, Clock clock) {
    return new AfterpayActivitiesImpl(api, new AfterpayConfigurationCache(api, clock));
  }

  static AfterpayTimeouts shortTimeouts(Duration read, Duration captureRead) {
    return new AfterpayTimeouts(Duration.ofSeconds(2), read, captureRead);
  }

  static AfterpayCreateOrder createOrder() {
    AfterpayContact address =
        new AfterpayContact(
            "Joe Consumer", "75 Queen St", null, "New York City", "NY", "10001", "US", "2120000000");
    AfterpayCheckoutRequest checkout =
        new AfterpayCheckoutRequest(
            "merchantOrder-1234",
            Money.of("21.85", "USD"),
            new AfterpayConsumer("2120000000", "Joe", "Consumer", "joe@example.com"),
            address,
            address,
            new AfterpayCourier(Instant.parse("2015-01-01T00:00:00Z"), "CourierPost", "AA999999999AA", "STANDARD"),
            "Two widgets",
            List.of(new AfterpayItem("widget", "12341234", 1, Money.of("10.00", "USD"))),
            List.of(new AfterpayDiscount("10% Off Subtotal", Money.of("1", "USD"))),
            Money.of("2.85", "USD"),
            Money.of("10.00", "USD"),
            new AfterpayMerchantRedirects(
                "https://shop.example.com/thanks", "https://shop.example.com/cart"));
    return new AfterpayCreateOrder(
        checkout,
        new AfterpayCallbacks(
            "http://localhost:8080/v1/afterpay/callbacks/confirm",
            "http://localhost:8080/v1/afterpay/callbacks/cancel"));
  }

  static final String CREATE_ORDER_BODY =
      """
      {
        "totalAmount": {"amount": "21.85", "currency": "USD"},
        "consumer": {"phoneNumber": "2120000000", "givenNames": "Joe", "surname": "Consumer",
                     "email": "joe@example.com"},
        "billing": {"name": "Joe Consumer", "line1": "75 Queen St", "suburb": "New York City",
                    "state": "NY", "postcode": "10001", "countryCode": "US",
                    "phoneNumber": "2120000000"},
        "shipping": {"name": "Joe Consumer", "line1": "75 Queen St", "suburb": "New York City",
                     "state": "NY", "postcode": "10001", "countryCode": "US",
                     "phoneNumber": "2120000000"},
        "courier": {"shippedAt": "2015-01-01T00:00:00Z", "name": "CourierPost",
                    "tracking": "AA999999999AA", "priority": "STANDARD"},
        "description": "Two widgets",
        "items": [{"name": "widget", "sku": "12341234", "quantity": 1,
                   "price": {"amount": "10.00", "currency": "USD"}}],
        "discounts": [{"displayName": "10% Off Subtotal",
                       "amount": {"amount": "1.00", "currency": "USD"}}],
        "merchant": {"redirectConfirmUrl": "http://localhost:8080/v1/afterpay/callbacks/confirm",
                     "redirectCancelUrl": "http://localhost:8080/v1/afterpay/callbacks/cancel"},
        "merchantReference": "merchantOrder-1234",
        "taxAmount": {"amount": "2.85", "currency": "USD"},
        "shippingAmount": {"amount": "10.00", "currency": "USD"}
      }
      """;

  /** A Payment as Afterpay answers it, orderDetails and all (which the client must not need). */
  static String paymentJson(String status) {
    return """
        {
          "id": "12345678",
          "token": "%s",
          "status": "%s",
          "created": "2015-07-14T10:08:14.123Z",
          "totalAmount": {"amount": "21.85", "currency": "USD"},
          "merchantReference": "merchantOrder-1234",
          "refunds": [],
          "orderDetails": {
            "consumer": {"givenNames": "Joe", "surname": "Consumer", "email": "joe@example.com"},
            "courier": {},
            "items": [{"name": "widget", "quantity": 1, "price": {"amount": "10.00", "currency": "USD"}}]
          },
          "events": []
        }
        """
        .formatted(TOKEN, status);
  }
}
