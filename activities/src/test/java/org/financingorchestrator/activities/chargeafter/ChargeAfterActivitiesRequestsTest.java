package org.financingorchestrator.activities.chargeafter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterAddress;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterCallbacks;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterCart;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterConsumer;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterCredit;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterDiscount;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterItem;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterLender;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterLinkSent;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkCall;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkRequest;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSessionStatus;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterWarranty;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each activity sends exactly the request ChargeAfter documents, maps its answer, and classifies its errors once. */
class ChargeAfterActivitiesRequestsTest {

  static final String KEY = "merchant-private-key";
  static final String TRACKING = "7d5b0c52-2f1a-4d1e-9d55-3a1f2b9c0e11";

  @RegisterExtension
  static WireMockExtension chargeAfter = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ChargeAfterActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    activities =
        ChargeAfterActivitiesImpl.create(
            new ChargeAfterClientSettings(URI.create(chargeAfter.baseUrl() + "/"), KEY), new SimpleMeterRegistry());
  }

  static ChargeAfterSendLinkCall call(String sendUsing) {
    ChargeAfterAddress address = new ChargeAfterAddress("3 My Street", "My Building, 4th floor", "New York", "10019", "NY");
    ChargeAfterCart cart =
        new ChargeAfterCart(
            List.of(
                new ChargeAfterItem(
                    "Awesome Product", new BigDecimal("1999.0"), "AWSMPRDCT", 2, true, "Product category",
                    new ChargeAfterWarranty("Awesome Warranty", new BigDecimal("100.0"), "AWSMWRNTY"))),
            List.of(new ChargeAfterDiscount("Birthday discount", new BigDecimal("20"))),
            new BigDecimal("199.0"),
            new BigDecimal("19.0"),
            new BigDecimal("4296.0"));
    ChargeAfterSendLinkRequest request =
        new ChargeAfterSendLinkRequest(
            "call_center", "checkout", null, null, null,
            new ChargeAfterConsumer("John", "Doe", "john@example.com", "2124445555", "merchant-internal-consumer-id", address, address),
            false, sendUsing, cart, "USD", "order-1", "corr-1", null, Map.of("store", "nyc"),
            "https://shop.example/ok", "https://shop.example/failed");
    return new ChargeAfterSendLinkCall(
        request,
        new ChargeAfterCallbacks(
            "https://api.example/final", "https://api.example/data", "https://api.example/success?sig=a",
            "https://api.example/failure?sig=a", "flow-key"));
  }

  static final String SEND_LINK_BODY =
      """
      {"channel": "call_center", "flow": "checkout",
       "consumerDetails": {"firstName": "John", "lastName": "Doe", "email": "john@example.com",
         "mobilePhoneNumber": "2124445555", "merchantConsumerId": "merchant-internal-consumer-id",
         "shippingAddress": {"line1": "3 My Street", "line2": "My Building, 4th floor", "city": "New York", "zipCode": "10019", "state": "NY"},
         "billingAddress": {"line1": "3 My Street", "line2": "My Building, 4th floor", "city": "New York", "zipCode": "10019", "state": "NY"}},
       "createCharge": false, "sendUsing": "redirectUrl",
       "cartDetails": {"items": [{"name": "Awesome Product", "price": 1999.0, "sku": "AWSMPRDCT", "quantity": 2,
           "leasable": true, "productCategory": "Product category",
           "warranty": {"name": "Awesome Warranty", "price": 100.0, "sku": "AWSMWRNTY"}}],
         "discounts": [{"name": "Birthday discount", "amount": 20}],
         "taxAmount": 199.0, "shippingAmount": 19.0, "totalAmount": 4296.0},
       "currency": "USD", "merchantOrderId": "order-1", "correlationId": "corr-1", "tags": {"store": "nyc"},
       "finalPostbackURL": "https://api.example/final", "dataUpdatePostbackURL": "https://api.example/data",
       "postbackAuthKey": "flow-key",
       "redirectOnSuccessURL": "https://api.example/success?sig=a", "redirectOnFailureURL": "https://api.example/failure?sig=a"}
      """;

  @Test
  void sendLinkPostsTheDocumentsFieldsWithThisFlowsCallbacksAndThePrivateKey() {
    chargeAfter.stubFor(
        post("/omnichannel/send-link")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\": \"true\", \"tags\": {}, \"correlationId\": \"corr-1\", \"statusTrackingId\": \"" + TRACKING
                            + "\", \"redirectUrl\": \"https://chargeafter.example/l/1\"}")));

    ChargeAfterLinkSent sent = activities.sendLink(call("redirectUrl"));

    assertThat(sent).isEqualTo(new ChargeAfterLinkSent(TRACKING, "https://chargeafter.example/l/1"));
    chargeAfter.verify(
        1,
        postRequestedFor(urlEqualTo("/omnichannel/send-link"))
            .withHeader("Authorization", equalTo("Bearer " + KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(equalToJson(SEND_LINK_BODY, false, false)));
  }

  @Test
  void aSendLinkAnswerWithoutWhatTheFlowNeedsIsMalformedAndFinal() {
    chargeAfter.stubFor(post("/omnichannel/send-link").willReturn(aResponse().withBody("{\"success\": \"true\", \"statusTrackingId\": \"" + TRACKING + "\"}")));
    ApplicationFailure noLink = catchThrowableOfType(ApplicationFailure.class, () -> activities.sendLink(call("redirectUrl")));
    assertThat(noLink.getType()).isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
    assertThat(noLink.isNonRetryable()).isTrue();
    assertThat(noLink.getOriginalMessage()).contains("redirectUrl is missing");
    // By email ChargeAfter sends the link itself: no link in the answer is right.
    assertThat(activities.sendLink(call("email")).redirectUrl()).isNull();
  }

  @Test
  void theStatusRequestAsksByStatusTrackingIdAndReadsTheFinalPostbacksFields() {
    chargeAfter.stubFor(
        get("/omnichannel/send-link/status/" + TRACKING)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"status": "COMPLETED", "statusTrackingId": "%s", "applicationId": "1234a6b4", "correlationId": "",
                         "tags": {}, "token": "11799f58-3c06-42a6-b5d5-1c85fa0829fc", "consumerId": "c-1",
                         "availableCredit": [{"creditAmount": "5000", "lender": {"name": "lenderName", "id": "lenderId"}}],
                         "consumerDetails": {"firstName": "John"}, "lender": {"name": "Lender", "id": "lenderid"},
                         "orderInfo": {"totalAmount": 1100, "taxAmount": 50, "shippingAmount": 50}, "error": null}
                        """
                            .formatted(TRACKING))));

    ChargeAfterSessionStatus status = activities.sessionStatus(TRACKING);

    assertThat(status.ended()).isTrue();
    assertThat(status.result().token()).isEqualTo("11799f58-3c06-42a6-b5d5-1c85fa0829fc");
    assertThat(status.result().availableCredit())
        .containsExactly(new ChargeAfterCredit(new BigDecimal("5000"), new ChargeAfterLender("lenderName", "lenderId")));
    assertThat(status.result().orderInfo().totalAmount()).isEqualByComparingTo("1100");
    assertThat(status.result().error()).isNull();
    chargeAfter.verify(
        getRequestedFor(urlEqualTo("/omnichannel/send-link/status/" + TRACKING))
            .withHeader("Authorization", equalTo("Bearer " + KEY)));

    chargeAfter.stubFor(
        get("/omnichannel/send-link/status/open").willReturn(aResponse().withBody("{\"status\": \"IN_PROGRESS\", \"statusTrackingId\": \"open\"}")));
    assertThat(activities.sessionStatus("open")).isEqualTo(new ChargeAfterSessionStatus(false, null));

    chargeAfter.stubFor(get("/omnichannel/send-link/status/odd").willReturn(aResponse().withBody("{\"statusTrackingId\": \"odd\"}")));
    assertThat(catchThrowableOfType(ApplicationFailure.class, () -> activities.sessionStatus("odd")).getType())
        .isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
  }

  @ParameterizedTest
  @CsvSource({
    "400, '{\"success\": false, \"error\": {\"code\": \"INVALID_REQUEST\", \"message\": \"[channel is required]\"}}', INVALID_REQUEST, false",
    "401, '{\"code\": \"UNAUTHORIZED\", \"message\": \"bad key\"}', UNAUTHORIZED, false",
    "404, '', http_404, false",
    "408, '', http_408, true",
    "429, '', http_429, true",
    "500, '<html>oops</html>', http_500, true",
    "503, '{\"success\": false, \"error\": {\"code\": \"UNAVAILABLE\", \"message\": \"down\"}}', UNAVAILABLE, true"
  })
  void errorsAreClassifiedOnceKeepingChargeAftersCodeAndMessage(int status, String body, String code, boolean retryable) {
    chargeAfter.stubFor(post("/omnichannel/send-link").willReturn(aResponse().withStatus(status).withBody(body)));

    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, () -> activities.sendLink(call("email")));

    assertThat(failure.getType()).isEqualTo(code);
    assertThat(failure.isNonRetryable()).isEqualTo(!retryable);
    ProviderFailure details = failure.getDetails().get(ProviderFailure.class);
    assertThat(details.provider()).isEqualTo("chargeafter");
    assertThat(details.httpStatus()).isEqualTo(status);
    if (code.equals("INVALID_REQUEST")) {
      assertThat(details.message()).isEqualTo("[channel is required]");
    }
  }

  @Test
  void anUnreachableChargeAfterIsRetryable() {
    ChargeAfterActivitiesImpl unreachable =
        ChargeAfterActivitiesImpl.create(new ChargeAfterClientSettings(URI.create("http://127.0.0.1:1"), KEY), new SimpleMeterRegistry());
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, () -> unreachable.sessionStatus(TRACKING));
    assertThat(failure.getType()).isEqualTo(ProviderFailure.UNREACHABLE);
    assertThat(failure.isNonRetryable()).isFalse();
  }
}
