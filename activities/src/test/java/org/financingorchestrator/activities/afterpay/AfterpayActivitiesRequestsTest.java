package org.financingorchestrator.activities.afterpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.financingorchestrator.activities.afterpay.AfterpayFixtures.AUTHORIZATION;
import static org.financingorchestrator.activities.afterpay.AfterpayFixtures.TOKEN;
import static org.financingorchestrator.activities.afterpay.AfterpayFixtures.userAgent;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.temporal.failure.ApplicationFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayCourier;
import org.financingorchestrator.workflows.afterpay.AfterpayCreateOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayOrder;
import org.financingorchestrator.workflows.afterpay.AfterpayPayment;
import org.financingorchestrator.workflows.afterpay.AfterpayRefundCall;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each activity sends exactly the request Afterpay documents and maps exactly its answer. */
class AfterpayActivitiesRequestsTest {

  @RegisterExtension
  static WireMockExtension afterpay =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private AfterpayActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    activities = AfterpayFixtures.activities(AfterpayFixtures.api(afterpay.baseUrl()), Clock.systemUTC());
  }

  @Test
  void createOrderPostsTheCheckoutWithThisFlowsCallbacksAsRedirects() {
    afterpay.stubFor(
        post("/v1/orders")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"token\": \"" + TOKEN + "\", \"expires\": \"2016-05-10T13:14:01Z\"}")));

    AfterpayOrder order = activities.createOrder(AfterpayFixtures.createOrder());

    assertThat(order).isEqualTo(new AfterpayOrder(TOKEN, Instant.parse("2016-05-10T13:14:01Z")));
    afterpay.verify(
        1,
        withJsonBody(postRequestedFor(urlEqualTo("/v1/orders")))
            .withRequestBody(equalToJson(AfterpayFixtures.CREATE_ORDER_BODY, false, false)));
  }

  @Test
  void createOrderLeavesAbsentOptionalFieldsOut() {
    afterpay.stubFor(
        post("/v1/orders")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"token\": \"" + TOKEN + "\", \"expires\": \"2016-05-10T13:14:01-08:00\"}")));
    AfterpayCreateOrder full = AfterpayFixtures.createOrder();
    AfterpayCreateOrder minimal =
        new AfterpayCreateOrder(
            new AfterpayCheckoutRequest(
                null, Money.of("100", "USD"), full.checkout().consumer(), null, null, null, null,
                null, null, null, null, full.checkout().merchant()),
            full.callbacks());

    AfterpayOrder order = activities.createOrder(minimal);

    assertThat(order.expires()).isEqualTo(Instant.parse("2016-05-10T21:14:01Z"));
    afterpay.verify(
        1,
        withJsonBody(postRequestedFor(urlEqualTo("/v1/orders")))
            .withRequestBody(
                equalToJson(
                    """
                    {
                      "totalAmount": {"amount": "100.00", "currency": "USD"},
                      "consumer": {"phoneNumber": "2120000000", "givenNames": "Joe",
                                   "surname": "Consumer", "email": "joe@example.com"},
                      "merchant": {
                        "redirectConfirmUrl": "http://localhost:8080/v1/afterpay/callbacks/confirm",
                        "redirectCancelUrl": "http://localhost:8080/v1/afterpay/callbacks/cancel"}
                    }
                    """,
                    false,
                    false)));
  }

  @Test
  void captureSendsTheTokenAndMerchantReferenceAndAnswersThePayment() {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(aResponse().withStatus(201).withBody(AfterpayFixtures.paymentJson("APPROVED"))));

    AfterpayPayment payment = activities.capture(TOKEN, "merchantOrder-1234");

    assertThat(payment)
        .isEqualTo(
            new AfterpayPayment(
                "12345678",
                TOKEN,
                "APPROVED",
                Money.of("21.85", "USD"),
                Instant.parse("2015-07-14T10:08:14.123Z")));
    afterpay.verify(
        1,
        withJsonBody(postRequestedFor(urlEqualTo("/v1/payments/capture")))
            .withRequestBody(
                equalToJson(
                    "{\"token\": \"" + TOKEN + "\", \"merchantReference\": \"merchantOrder-1234\"}",
                    false,
                    false)));
  }

  @Test
  void captureAnswersADeclinedPaymentAsAfterpayReportsIt() {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(aResponse().withStatus(201).withBody(AfterpayFixtures.paymentJson("DECLINED"))));

    AfterpayPayment payment = activities.capture(TOKEN, null);

    assertThat(payment.status()).isEqualTo("DECLINED");
    assertThat(payment.approved()).isFalse();
    afterpay.verify(
        1,
        withJsonBody(postRequestedFor(urlEqualTo("/v1/payments/capture")))
            .withRequestBody(equalToJson("{\"token\": \"" + TOKEN + "\"}", false, false)));
  }

  @Test
  void findPaymentByTokenGetsThePaymentByItsToken() {
    afterpay.stubFor(
        get("/v1/payments/token:" + TOKEN)
            .willReturn(aResponse().withStatus(200).withBody(AfterpayFixtures.paymentJson("APPROVED"))));

    AfterpayPayment payment = activities.findPaymentByToken(TOKEN);

    assertThat(payment.id()).isEqualTo("12345678");
    assertThat(payment.approved()).isTrue();
    afterpay.verify(1, withoutBody(getRequestedFor(urlEqualTo("/v1/payments/token:" + TOKEN))));
  }

  @Test
  void findPaymentByTokenAnswersNullWhenAfterpayHasNoPaymentForTheToken() {
    afterpay.stubFor(
        get("/v1/payments/token:" + TOKEN)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"errorCode\": \"not_found\", \"errorId\": \"e1\", \"message\": \"Not found\","
                            + " \"httpStatusCode\": 404}")));

    assertThat(activities.findPaymentByToken(TOKEN)).isNull();
  }

  @Test
  void findPaymentByTokenFailsOnEveryOtherError() {
    afterpay.stubFor(
        get("/v1/payments/token:" + TOKEN)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"errorCode\": \"unauthorized\", \"message\": \"Bad credentials\"}")));

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> activities.findPaymentByToken(TOKEN));

    assertThat(failure.getType()).isEqualTo("unauthorized");
    assertThat(failure.isNonRetryable()).isTrue();
  }

  @Test
  void refundSendsTheWorkflowsRequestIdOnEveryCall() {
    afterpay.stubFor(
        post("/v1/payments/12345678/refund")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        """
                        {"requestId": "61cdad2d-8e10-42ec-a97b-8712dd7a8ca9",
                         "amount": {"amount": "10.00", "currency": "USD"},
                         "merchantReference": "RF127261AD22",
                         "refundId": "56785678",
                         "refundedAt": "2015-07-10T15:01:14.123Z"}
                        """)));
    AfterpayRefundCall call =
        new AfterpayRefundCall(
            "12345678", "61cdad2d-8e10-42ec-a97b-8712dd7a8ca9", Money.of("10", "USD"), "RF127261AD22");

    RefundRecord first = activities.refund(call);
    RefundRecord again = activities.refund(call);

    RefundRecord expected =
        new RefundRecord(
            "56785678",
            "61cdad2d-8e10-42ec-a97b-8712dd7a8ca9",
            "RF127261AD22",
            Money.of("10.00", "USD"),
            Instant.parse("2015-07-10T15:01:14.123Z"));
    assertThat(first).isEqualTo(expected);
    assertThat(again).isEqualTo(expected);
    afterpay.verify(
        2,
        withJsonBody(postRequestedFor(urlEqualTo("/v1/payments/12345678/refund")))
            .withRequestBody(
                equalToJson(
                    """
                    {"requestId": "61cdad2d-8e10-42ec-a97b-8712dd7a8ca9",
                     "amount": {"amount": "10.00", "currency": "USD"},
                     "merchantReference": "RF127261AD22"}
                    """,
                    false,
                    false)));
  }

  @Test
  void refundWithoutTheWorkflowsRequestIdIsRefusedBeforeAnyCall() {
    AfterpayRefundCall call = new AfterpayRefundCall("12345678", null, Money.of("10", "USD"), "RF1");

    ApplicationFailure failure =
        catchThrowableOfType(ApplicationFailure.class, () -> activities.refund(call));

    assertThat(failure.getType()).isEqualTo(AfterpayActivitiesImpl.MISSING_REQUEST_ID);
    assertThat(failure.isNonRetryable()).isTrue();
    afterpay.verify(0, postRequestedFor(urlEqualTo("/v1/payments/12345678/refund")));
  }

  @Test
  void updateCourierPutsTheCourierDetails() {
    afterpay.stubFor(
        put("/v1/payments/12345678/courier")
            .willReturn(aResponse().withStatus(200).withBody(AfterpayFixtures.paymentJson("APPROVED"))));

    activities.updateCourier(
        "12345678",
        new AfterpayCourier(Instant.parse("2015-01-01T00:00:00Z"), "CourierPost", "AA999999999AA", "EXPRESS"));

    afterpay.verify(
        1,
        withJsonBody(putRequestedFor(urlEqualTo("/v1/payments/12345678/courier")))
            .withRequestBody(
                equalToJson(
                    """
                    {"shippedAt": "2015-01-01T00:00:00Z", "name": "CourierPost",
                     "tracking": "AA999999999AA", "priority": "EXPRESS"}
                    """,
                    false,
                    false)));
  }

  @Test
  void getConfigurationAnswersThePayByInstallmentRange() {
    afterpay.stubFor(
        get("/v1/configuration")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        """
                        [{"type": "PAY_BY_INSTALLMENT", "description": "Pay over time",
                          "minimumAmount": {"amount": "0.00", "currency": "USD"},
                          "maximumAmount": {"amount": "500.00", "currency": "USD"}}]
                        """)));

    var limits = activities.getConfiguration();

    assertThat(limits.minimumAmount()).isEqualTo(Money.of("0.00", "USD"));
    assertThat(limits.maximumAmount()).isEqualTo(Money.of("500.00", "USD"));
    afterpay.verify(1, withoutBody(getRequestedFor(urlEqualTo("/v1/configuration"))));
  }

  @Test
  void baseUrlMayCarryAPathPrefixLikeTheLocalSandbox() {
    afterpay.stubFor(
        get("/afterpay/v1/configuration").willReturn(aResponse().withStatus(200).withBody("[]")));
    var api = AfterpayFixtures.api(afterpay.baseUrl() + "/afterpay/");

    var limits = AfterpayFixtures.activities(api, Clock.systemUTC()).getConfiguration();

    assertThat(limits.minimumAmount()).isNull();
    assertThat(limits.maximumAmount()).isNull();
    afterpay.verify(1, withoutBody(getRequestedFor(urlEqualTo("/afterpay/v1/configuration"))));
  }

  @Test
  void everyCallIsMeteredInTheGivenRegistry() {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(aResponse().withStatus(201).withBody(AfterpayFixtures.paymentJson("APPROVED"))));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AfterpayApi api =
        AfterpayApiFactory.create(AfterpayFixtures.settings(afterpay.baseUrl()), registry);

    AfterpayFixtures.activities(api, Clock.systemUTC()).capture(TOKEN, null);

    assertThat(
            registry
                .get("feign.Client.http_response_code")
                .tag("http_status", "201")
                .tag("method", "capture")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(registry.get("feign.Feign").tag("method", "capture").timer().count()).isEqualTo(1);
  }

  /** The headers of a POST or PUT: credentials, JSON both ways, and the User-Agent. */
  private static RequestPatternBuilder withJsonBody(RequestPatternBuilder request) {
    return withCommonHeaders(request).withHeader("Content-Type", equalTo("application/json"));
  }

  /** The headers of a GET: no Content-Type, since there is no body. */
  private static RequestPatternBuilder withoutBody(RequestPatternBuilder request) {
    return withCommonHeaders(request).withoutHeader("Content-Type");
  }

  private static RequestPatternBuilder withCommonHeaders(RequestPatternBuilder request) {
    return request
        .withHeader("Authorization", equalTo(AUTHORIZATION))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", equalTo(userAgent()));
  }
}
