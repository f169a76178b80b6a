package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PUT /v1/payments/{paymentId}/courier. */
class AfterpayCourierTest extends SandboxIntegrationTest {

  private AfterpayScenario afterpay;

  @BeforeEach
  void scenario() {
    afterpay = new AfterpayScenario(http);
  }

  private SandboxHttp.Answer courier(String paymentId, String json) {
    return http.afterpay("PUT", "/v1/payments/" + paymentId + "/courier").json(json).send();
  }

  @Test
  void updatesTheCourierOfThePayment() {
    String paymentId = afterpay.capturedPayment();

    SandboxHttp.Answer answer =
        courier(
            paymentId,
            """
            {"shippedAt": "2015-01-01T00:00:00-08:00", "name": "CourierPost",
             "tracking": "AA999999999AA", "priority": "EXPRESS"}
            """);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode courier = answer.json().at("/orderDetails/courier");
    assertThat(courier.get("shippedAt").asString()).isEqualTo("2015-01-01T08:00:00Z");
    assertThat(courier.get("name").asString()).isEqualTo("CourierPost");
    assertThat(courier.get("tracking").asString()).isEqualTo("AA999999999AA");
    assertThat(courier.get("priority").asString()).isEqualTo("EXPRESS");
    assertThat(answer.text("/id")).isEqualTo(paymentId);
    assertThat(
            http.afterpay("GET", "/v1/payments/" + paymentId)
                .send()
                .json()
                .at("/orderDetails/courier/priority")
                .asString())
        .isEqualTo("EXPRESS");
    JsonNode entries = ledger(paymentId);
    assertThat(entries.get(entries.size() - 1).get("type").asString()).isEqualTo("COURIER_UPDATED");
    assertThat(entries.toString()).doesNotContain("AA999999999AA");
  }

  @Test
  void refusesAnUnknownPriority() {
    String paymentId = afterpay.capturedPayment();

    SandboxHttp.Answer answer = courier(paymentId, "{\"priority\": \"OVERNIGHT\"}");

    assertAfterpayError(answer, 422, "invalid_object");
    assertThat(answer.text("/message")).isEqualTo("[priority must be STANDARD or EXPRESS]");
  }

  @Test
  void refusesADateThatIsNotIso8601() {
    SandboxHttp.Answer answer =
        courier(afterpay.capturedPayment(), "{\"shippedAt\": \"01/01/2015\"}");

    assertAfterpayError(answer, 422, "invalid_object");
    assertThat(answer.text("/message")).contains("shippedAt must be an ISO 8601 date-time");
  }

  @Test
  void anUnknownPaymentIsNotFound() {
    assertAfterpayError(courier("424242", "{\"priority\": \"STANDARD\"}"), 404, "not_found");
  }
}
