package org.financingorchestrator.api.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shopper's return, refunds and courier updates of an Afterpay flow. */
class AfterpayFlowApiTest extends ApiTest {

  private static final String MERCHANT_CONFIRM = "https://www.merchant.com/confirm";
  private static final String MERCHANT_CANCEL = "https://www.merchant.com/cancel";

  @Test
  void theShopperWhoApprovedIsSentToTheMerchantsConfirmPage() {
    String flowId = awaitingShopper();

    Http.Reply reply = http.get(confirm(flowId, "tok-" + referenceOf(flowId), "SUCCESS"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(303);
    assertThat(reply.header("Location")).isEqualTo(MERCHANT_CONFIRM + "?flow=" + flowId);
    assertThat(reply.header("Cache-Control")).contains("no-store");
    assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(status(flowId).path("state").asString()).isEqualTo("CAPTURED");
  }

  @Test
  void theShopperWhoCancelledIsSentToTheMerchantsCancelPageAndAReloadAfterTheFlowFinishedLandsThereToo() {
    String flowId = awaitingShopper();
    String token = "tok-" + referenceOf(flowId);

    Http.Reply reply = http.get(callback(flowId, "cancel", token, "CANCELLED"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(303);
    assertThat(reply.header("Location")).isEqualTo(MERCHANT_CANCEL + "?reason=cancelled");
    client.newUntypedWorkflowStub(flowId).getResult(FlowStatus.class);

    // The finished flow takes no more returns, but a reloaded callback still lands on the page.
    Http.Reply again = http.get(callback(flowId, "confirm", token, "SUCCESS"));
    assertThat(again.status()).as(again.toString()).isEqualTo(303);
    assertThat(again.header("Location")).isEqualTo(MERCHANT_CANCEL + "?reason=cancelled");
    assertThat(status(flowId).path("state").asString()).isEqualTo("CANCELLED");

    assertInvalid(http.get(callback(flowId, "cancel", "tok-someone-else", "CANCELLED")), "orderToken");
  }

  @Test
  void aTokenThatIsNotTheFlowsIsRefusedAndChangesNothing() {
    String flowId = awaitingShopper();

    JsonNode problem = assertInvalid(http.get(confirm(flowId, "tok-someone-else", "SUCCESS")), "orderToken");

    assertThat(problem.path("detail").asString()).contains("does not belong to this flow");
    assertThat(status(flowId).path("state").asString()).isEqualTo("AWAITING_SHOPPER");
  }

  @Test
  void aReturnWithoutItsParametersIsABadRequest() {
    String flowId = awaitingShopper();

    JsonNode problem =
        assertInvalid(http.get("/v1/callbacks/afterpay/" + flowId + "/confirm?sig=" + signatures.sign(flowId)), "orderToken");
    assertThat(problem.path("errors").toString()).contains("\"status\"");
    assertInvalid(http.get(confirm(flowId, "tok-x", "APPROVED")), "status");
    assertInvalid(http.get(confirm(flowId, "tok%20x", "SUCCESS")), "orderToken");
    assertInvalid(http.get(confirm("affirm-" + referenceOf(flowId), "tok-x", "SUCCESS")), "flowId");
    assertInvalid(http.get(confirm("afterpay-not%20an%20id", "tok-x", "SUCCESS")), "flowId");
    assertThat(status(flowId).path("state").asString()).isEqualTo("AWAITING_SHOPPER");
  }

  @Test
  void aReturnToAnUnknownFlowIsNotFound() {
    assertProblem(http.get(confirm("afterpay-shopa-" + reference("nobody-"), "tok-x", "SUCCESS")), 404);
  }

  @Test
  void aBrowserAskingForHtmlStillGetsAProblemNotAServerError() {
    Http.Reply reply =
        http.send(
            http.request("/v1/callbacks/afterpay/afterpay-" + reference("html-") + "/confirm")
                .header("Accept", "text/html,application/xhtml+xml")
                .GET());

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void refundsACapturedPaymentOnceForOneMerchantReference() {
    String flowId = captured();
    Map<String, Object> refund = refund("10.00", "RF-1");

    Http.Reply first = http.post(refunds(flowId), refund);
    Http.Reply repeated = http.post(refunds(flowId), refund);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    JsonNode record = first.json();
    assertThat(record.path("refundId").asString()).isEqualTo("rf-1");
    assertThat(record.path("requestId").asString()).isNotBlank();
    assertThat(record.path("merchantReference").asString()).isEqualTo("RF-1");
    assertThat(record.path("amount").path("amount").asString()).isEqualTo("10.00");
    assertThat(record.path("amount").path("amount").isString()).isTrue();
    assertThat(record.path("amount").path("currency").asString()).isEqualTo("USD");
    assertThat(record.path("refundedAt").asString()).isNotBlank();
    assertThat(repeated.status()).isEqualTo(201);
    assertThat(repeated.json()).isEqualTo(record);
    JsonNode status = status(flowId);
    assertThat(status.path("refunds")).hasSize(1);
    assertThat(status.path("refundedAmount").path("amount").asString()).isEqualTo("10.00");
    assertThat(status.path("state").asString()).isEqualTo("PARTIALLY_REFUNDED");
  }

  @Test
  void aRefundNeedsAMerchantReferenceOrAnIdempotencyKey() {
    String flowId = captured();

    assertInvalid(http.post(refunds(flowId), Map.of("amount", money("1.00"))), "merchantReference");
    Http.Reply keyed = http.send(idempotent(refunds(flowId), "key-1"));
    Http.Reply again = http.send(idempotent(refunds(flowId), "key-1"));

    assertThat(keyed.status()).as(keyed.body()).isEqualTo(201);
    assertThat(keyed.json().path("merchantReference").asString()).isEqualTo("key-1");
    assertThat(again.json().path("refundId").asString()).isEqualTo(keyed.json().path("refundId").asString());
    assertThat(status(flowId).path("refunds")).hasSize(1);
    assertInvalid(http.send(idempotent(refunds(flowId), "has space")), "Idempotency-Key");
  }

  private java.net.http.HttpRequest.Builder idempotent(String path, String key) {
    return http.request(path)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"amount\":{\"amount\":\"1.00\",\"currency\":\"USD\"}}"));
  }

  @Test
  void aRefundBeforeTheCaptureConflictsWithTheFlowsState() {
    String flowId = awaitingShopper();

    JsonNode problem = assertProblem(http.post(refunds(flowId), refund("1.00", "RF-early")), 409);

    assertThat(problem.path("detail").asString()).contains("not captured");
  }

  @Test
  void aRefundOfMoreThanWhatIsLeftIsUnprocessable() {
    String flowId = captured();

    JsonNode problem = assertProblem(http.post(refunds(flowId), refund("21.86", "RF-big")), 422);

    assertThat(problem.path("detail").asString()).contains("more than what is left");
    assertThat(status(flowId).path("refunds")).isEmpty();
  }

  @Test
  void aRefundAfterpayRefusesCarriesAfterpaysCodeAndMessage() {
    String flowId = captured();

    JsonNode problem =
        assertProblem(http.post(refunds(flowId), refund("1.00", ScriptedAfterpayCheckoutWorkflow.REFUND_REFUSED)), 422);

    assertThat(problem.path("code").asString()).isEqualTo("precondition_failed");
    assertThat(problem.path("source").asString()).isEqualTo("afterpay");
    assertThat(problem.path("providerHttpStatus").asInt()).isEqualTo(412);
    assertThat(problem.path("errorId").asString()).isEqualTo("e412");
    assertThat(problem.path("detail").asString()).contains("not eligible for a refund");
  }

  @Test
  void invalidRefundsAreBadRequests() {
    String flowId = captured();

    assertInvalid(http.post(refunds(flowId), Map.of("amount", Map.of("amount", "1.00", "currency", "EUR"))), "amount.currency");
    assertInvalid(http.post(refunds(flowId), Map.of("amount", money("0.00"))), "amount.amount");
    assertInvalid(http.post(refunds(flowId), Map.of("amount", money("-1.00"))), "amount.amount");
    assertInvalid(http.post(refunds(flowId), Map.of("amount", money("1.001"))), "amount.amount");
    assertInvalid(http.post(refunds(flowId), Map.of("amount", money("ten"))), "amount.amount");
    assertInvalid(http.post(refunds(flowId), Map.of("merchantReference", "RF-2")), "amount");
    assertInvalid(http.post(refunds(flowId), refund("1.00", "has space")), "merchantReference");
    assertInvalid(http.post(refunds(flowId), "{\"amount\":"), "$");
    assertInvalid(http.post(refunds("afterpay-bad%20id"), refund("1.00", "RF-3")), "flowId");
    assertThat(status(flowId).path("refunds")).isEmpty();
  }

  @Test
  void aRefundOfAnUnknownFlowIsNotFound() {
    assertProblem(http.post(refunds("afterpay-shopa-" + reference("nobody-")), refund("1.00", "RF-4")), 404);
  }

  @Test
  void refundsAndCourierUpdatesOfOtherProvidersFlowsAreNotServedHere() {
    assertProblem(http.post(refunds("affirm-" + reference("x-")), refund("1.00", "RF-5")), 404);
    assertProblem(http.put(courier("affirm-" + reference("x-")), Map.of("name", "UPS")), 404);
  }

  @Test
  void sendsTheCourierOfACapturedPaymentAndAnswersTheStatus() {
    String flowId = captured();

    Http.Reply reply =
        http.put(
            courier(flowId),
            Map.of("shippedAt", "2015-01-01T00:00:00Z", "name", "CourierPost", "tracking", "AA999999999AA", "priority", "EXPRESS"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode status = reply.json();
    assertThat(status.path("flowId").asString()).isEqualTo(flowId);
    assertThat(status.path("state").asString()).isEqualTo("CAPTURED");
    assertThat(status.path("steps").toString()).contains("CourierPost AA999999999AA EXPRESS");
  }

  @Test
  void aCourierUpdateBeforeTheCaptureConflictsWithTheFlowsState() {
    String flowId = awaitingShopper();

    JsonNode problem = assertProblem(http.put(courier(flowId), Map.of("name", "CourierPost")), 409);

    assertThat(problem.path("detail").asString()).contains("not captured");
  }

  @Test
  void invalidCourierUpdatesAreBadRequests() {
    String flowId = captured();

    assertInvalid(http.put(courier(flowId), Map.of("priority", "FAST")), "priority");
    assertInvalid(http.put(courier(flowId), Map.of("shippedAt", "tomorrow")), "shippedAt");
    assertInvalid(http.put(courier(flowId), Map.of("tracking", "t".repeat(129))), "tracking");
    assertInvalid(http.put(courier(flowId), Map.of()), "$");
    assertProblem(http.put(courier("afterpay-shopa-" + reference("nobody-")), Map.of("name", "UPS")), 404);
  }

  /** A new flow whose order exists: the shopper is at Afterpay. */
  private String awaitingShopper() {
    String reference = reference("flow-");
    Http.Reply created = http.post(Checkouts.PATH, Checkouts.body(reference));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("flowId").asString();
  }

  /** A flow whose shopper approved and whose payment (USD 21.85) is captured. */
  private String captured() {
    String flowId = awaitingShopper();
    assertThat(http.get(confirm(flowId, "tok-" + referenceOf(flowId), "SUCCESS")).status()).isEqualTo(303);
    return flowId;
  }

  private JsonNode status(String flowId) {
    Http.Reply reply = http.get("/v1/flows/" + flowId);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** afterpay-shopa-flow-1234 → flow-1234. */
  private static String referenceOf(String flowId) {
    return flowId.substring(flowId.indexOf('-', flowId.indexOf('-') + 1) + 1);
  }

  private String confirm(String flowId, String token, String status) {
    return callback(flowId, "confirm", token, status);
  }

  private static String refunds(String flowId) {
    return "/v1/flows/" + flowId + "/refunds";
  }

  private static String courier(String flowId) {
    return "/v1/flows/" + flowId + "/courier";
  }

  private static Map<String, Object> refund(String amount, String merchantReference) {
    return Map.of("amount", money(amount), "merchantReference", merchantReference);
  }

  private static Map<String, String> money(String amount) {
    return Map.of("amount", amount, "currency", "USD");
  }
}
