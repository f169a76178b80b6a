package org.financingorchestrator.activities.affirm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.financingorchestrator.workflows.affirm.AffirmAuthorization;
import org.financingorchestrator.workflows.affirm.AffirmCapture;
import org.financingorchestrator.workflows.affirm.AffirmCharge;
import org.financingorchestrator.workflows.affirm.AffirmChargeCall;
import org.financingorchestrator.workflows.affirm.AffirmChargeEvent;
import org.financingorchestrator.workflows.affirm.AffirmChargeUpdate;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each activity sends exactly the request Affirm's API takes and maps exactly its answer. */
class AffirmActivitiesRequestsTest {

  @RegisterExtension
  static WireMockExtension affirm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String AUTHORIZATION =
      "Basic " + Base64.getEncoder().encodeToString("pub-key:priv-key".getBytes(StandardCharsets.UTF_8));
  static final String CHARGE =
      """
      {"id":"ALO4-UVGR","created":"2016-03-18T19:19:04Z","currency":"USD","amount":6100,"auth_hold":6100,
       "payable":0,"void":false,"expires":"2016-04-18T19:19:04Z","order_id":"JKLM4321",
       "events":[{"created":"2014-03-20T14:00:33Z","currency":"USD","id":"UI1ZOXSXQ44QUXQL",
                  "transaction_id":"TpR3Xrx8TkvuGio0","type":"auth"}],
       "details":{"items":{"sweater-a92123":{"sku":"sweater-a92123","display_name":"Sweater","qty":1,"unit_price":5000}},
                  "shipping":{"name":{"full":"John Doe"}}}}
      """;

  private AffirmActivitiesImpl activities;

  static AffirmApi api(String baseUrl) {
    return AffirmApiFactory.create(
        new AffirmClientSettings(URI.create(baseUrl), "pub-key", "priv-key"), new SimpleMeterRegistry());
  }

  @BeforeEach
  void setUp() {
    activities = new AffirmActivitiesImpl(api(affirm.baseUrl()));
  }

  @Test
  void authorizePostsTheCheckoutTokenAndOrderIdWithBasicKeysAndTheFlowsKey() {
    affirm.stubFor(post("/api/v2/charges").willReturn(json(200, CHARGE)));

    AffirmCharge charge = activities.authorize(new AffirmAuthorization("TOKEN-1", "JKLM4321", "key-1"));

    assertThat(charge)
        .isEqualTo(new AffirmCharge("ALO4-UVGR", usd("61.00"), usd("61.00"), Instant.parse("2016-04-18T19:19:04Z"), "JKLM4321"));
    affirm.verify(
        1,
        sent(postRequestedFor(urlEqualTo("/api/v2/charges")), "key-1")
            .withRequestBody(equalToJson("{\"checkout_token\":\"TOKEN-1\",\"order_id\":\"JKLM4321\"}", false, false)));
  }

  @Test
  void captureSendsTheOrderShippingAndAmountInCents() {
    affirm.stubFor(
        post("/api/v2/charges/ALO4-UVGR/capture")
            .willReturn(json(200, "{\"fee\":600,\"created\":\"2016-03-18T00:00:03Z\",\"currency\":\"USD\",\"amount\":5000,"
                + "\"type\":\"capture\",\"id\":\"O5DZHKL942503649\",\"transaction_id\":\"6dH0LrrgUaMD7Llb\"}")));

    AffirmChargeEvent event =
        activities.capture(
            AffirmChargeCall.captureOf("ALO4-UVGR", "key-2", usd("50.00"), new AffirmCapture(null, "JKLM4321", "USPS", "1Z999")));

    assertThat(event)
        .isEqualTo(new AffirmChargeEvent("O5DZHKL942503649", "6dH0LrrgUaMD7Llb", "capture", usd("50.00"),
            Instant.parse("2016-03-18T00:00:03Z")));
    affirm.verify(
        1,
        sent(postRequestedFor(urlEqualTo("/api/v2/charges/ALO4-UVGR/capture")), "key-2")
            .withRequestBody(
                equalToJson(
                    "{\"order_id\":\"JKLM4321\",\"shipping_carrier\":\"USPS\",\"shipping_confirmation\":\"1Z999\",\"amount\":5000}",
                    false, false)));
  }

  @Test
  void voidRefundAndUpdateSendTheirBodies() {
    affirm.stubFor(post("/api/v2/charges/ALO4-UVGR/void")
        .willReturn(json(200, "{\"type\":\"void\",\"id\":\"V1\",\"transaction_id\":\"t1\",\"created\":\"2016-03-18T00:00:03Z\"}")));
    affirm.stubFor(post("/api/v2/charges/ALO4-UVGR/refund")
        .willReturn(json(200, "{\"type\":\"refund\",\"id\":\"R1\",\"transaction_id\":\"t2\",\"amount\":500,"
            + "\"fee_refunded\":0,\"created\":\"2016-03-19T00:00:03Z\"}")));
    affirm.stubFor(post("/api/v2/charges/ALO4-UVGR/update")
        .willReturn(json(200, "{\"type\":\"update\",\"id\":\"U1\",\"created\":\"2016-03-19T00:00:03Z\"}")));

    assertThat(activities.voidCharge(AffirmChargeCall.voidOf("ALO4-UVGR", "key-3")).type()).isEqualTo("void");
    RefundRecord refund = activities.refund(AffirmChargeCall.refundOf("ALO4-UVGR", "key-4", usd("5.00"), "RF-1"));
    activities.update(AffirmChargeCall.updateOf("ALO4-UVGR", "key-5", new AffirmChargeUpdate(null, "UPS", "1Z1")));

    assertThat(refund).isEqualTo(new RefundRecord("R1", "key-4", "RF-1", usd("5.00"), Instant.parse("2016-03-19T00:00:03Z")));
    affirm.verify(1, sent(postRequestedFor(urlEqualTo("/api/v2/charges/ALO4-UVGR/void")), "key-3"));
    affirm.verify(
        1,
        sent(postRequestedFor(urlEqualTo("/api/v2/charges/ALO4-UVGR/refund")), "key-4")
            .withRequestBody(equalToJson("{\"amount\":500}", false, false)));
    affirm.verify(
        1,
        sent(postRequestedFor(urlEqualTo("/api/v2/charges/ALO4-UVGR/update")), "key-5")
            .withRequestBody(equalToJson("{\"shipping_carrier\":\"UPS\",\"shipping_confirmation\":\"1Z1\"}", false, false)));
  }

  @Test
  void aCallWithoutTheWorkflowsKeyIsRefusedBeforeAnythingIsSent() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.refund(AffirmChargeCall.refundOf("ALO4-UVGR", " ", usd("5.00"), "RF-1")));

    assertThat(failure.getType()).isEqualTo(AffirmActivitiesImpl.MISSING_IDEMPOTENCY_KEY);
    assertThat(affirm.getAllServeEvents()).isEmpty();
  }

  @Test
  void findRefundSendsTheSameKeyAgainAndReadsARefusalAsNotMade() {
    affirm.stubFor(post("/api/v2/charges/ALO4-UVGR/refund")
        .willReturn(json(400, "{\"status_code\":400,\"type\":\"invalid_request\",\"code\":\"refund-exceeded\",\"message\":\"no\"}")));

    assertThat(activities.findRefund(AffirmChargeCall.refundOf("ALO4-UVGR", "key-4", usd("5.00"), "RF-1"))).isNull();
    affirm.verify(1, sent(postRequestedFor(urlEqualTo("/api/v2/charges/ALO4-UVGR/refund")), "key-4"));
  }

  private static RequestPatternBuilder sent(RequestPatternBuilder request, String key) {
    return request
        .withHeader("Authorization", equalTo(AUTHORIZATION))
        .withHeader("Idempotency-Key", equalTo(key))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("Cookie", absent());
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }
}
