package org.financingorchestrator.activities.afterpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.financingorchestrator.activities.afterpay.AfterpayFixtures.TOKEN;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import org.financingorchestrator.workflows.afterpay.AfterpayRefundCall;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * A success answer the flow cannot use (no expires, no totalAmount, a body that is not JSON) is a
 * classified, non-retryable malformed_response failure saying what was wrong, never a null or an
 * exception for the workflow to trip on; and a payment's refunds are found by merchantReference.
 */
class AfterpayMalformedAnswersTest {

  @RegisterExtension
  static WireMockExtension afterpay =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final AfterpayRefundCall REFUND =
      new AfterpayRefundCall("12345678", "61cdad2d-8e10-42ec-a97b-8712dd7a8ca9", Money.of("5.00", "USD"), "RF-1");

  private AfterpayActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    activities = AfterpayFixtures.activities(AfterpayFixtures.api(afterpay.baseUrl()), Clock.systemUTC());
  }

  @Test
  void anOrderWithoutExpiresIsMalformed() {
    afterpay.stubFor(post("/v1/orders").willReturn(json(201, "{\"token\": \"" + TOKEN + "\"}")));

    assertMalformed(() -> activities.createOrder(AfterpayFixtures.createOrder()), "expires is missing");
  }

  @Test
  void anOrderWithoutTokenIsMalformed() {
    afterpay.stubFor(post("/v1/orders").willReturn(json(201, "{\"expires\": \"2016-05-10T13:14:01Z\"}")));

    assertMalformed(() -> activities.createOrder(AfterpayFixtures.createOrder()), "token is missing");
  }

  @Test
  void aCaptureAnswerWithoutTotalAmountIsMalformed() {
    afterpay.stubFor(
        post("/v1/payments/capture")
            .willReturn(json(201, "{\"id\": \"12345678\", \"token\": \"" + TOKEN + "\", \"status\": \"APPROVED\"}")));

    assertMalformed(() -> activities.capture(TOKEN, "order-1"), "totalAmount is missing");
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() {
    afterpay.stubFor(post("/v1/payments/capture").willReturn(json(201, "{\"id\": \"1234")));

    assertMalformed(() -> activities.capture(TOKEN, "order-1"), "could not be read");
  }

  @Test
  void aRefundAnswerWithoutRefundIdIsMalformed() {
    afterpay.stubFor(post("/v1/payments/12345678/refund").willReturn(json(201, "{\"requestId\": \"x\"}")));

    assertMalformed(() -> activities.refund(REFUND), "refundId is missing");
  }

  @Test
  void findRefundAnswersThePaymentsRefundWithTheCallsReference() {
    afterpay.stubFor(
        get("/v1/payments/12345678")
            .willReturn(
                json(
                    200,
                    AfterpayFixtures.paymentJson("APPROVED")
                        .replace(
                            "\"refunds\": []",
                            """
                            "refunds": [
                              {"id": "60000001", "refundedAt": "2015-07-10T15:01:14.123Z", "merchantReference": "RF-0",
                               "amount": {"amount": "1.00", "currency": "USD"}},
                              {"id": "60000002", "refundedAt": "2015-07-10T15:02:14.123Z", "merchantReference": "RF-1",
                               "amount": {"amount": "5.00", "currency": "USD"}}]"""))));

    RefundRecord found = activities.findRefund(REFUND);

    assertThat(found.refundId()).isEqualTo("60000002");
    assertThat(found.requestId()).isEqualTo(REFUND.requestId());
    assertThat(found.amount()).isEqualTo(Money.of("5.00", "USD"));
    assertThat(activities.findRefund(new AfterpayRefundCall("12345678", "r", Money.of("5.00", "USD"), "RF-2"))).isNull();
  }

  private static void assertMalformed(Executable call, String what) {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, call::execute);
    assertThat(failure.getType()).isEqualTo(ProviderFailure.MALFORMED_RESPONSE);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getDetails().get(ProviderFailure.class).message()).contains(what);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }
}
