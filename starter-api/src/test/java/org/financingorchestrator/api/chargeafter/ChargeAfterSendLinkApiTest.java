package org.financingorchestrator.api.chargeafter;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import java.net.http.HttpRequest;
import java.util.List;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.TestMerchants;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterDiscount;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkCall;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The merchant's send-link, ChargeAfter's postbacks and the consumer's return, over HTTP. */
class ChargeAfterSendLinkApiTest extends ApiTest {

  private static final String SEND_LINKS = "/v1/chargeafter/send-links";

  private String send(String order) {
    Http.Reply reply = http.post(SEND_LINKS, SendLinks.checkout(order));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("flowId").asString();
  }

  private Http.Reply postback(String flowId, String kind, String authorization, String body) {
    HttpRequest.Builder request =
        http.withKey(null)
            .request("/v1/callbacks/chargeafter/" + flowId + "/" + kind)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request);
  }

  private static String keyOf(String order) {
    return "Bearer " + FakeChargeAfterActivities.CALLS.get(order).callbacks().postbackAuthKey();
  }

  private long updates(String flowId) {
    return client.fetchHistory(flowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }

  @Test
  void aSendLinkAnswersTheStatusTrackingIdAndLinkAndTheSameOrderAgainIsTheSameFlow() {
    String order = reference("ca-");
    Http.Reply reply = http.post(SEND_LINKS, SendLinks.checkout(order));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    String flowId = "chargeafter-" + TestMerchants.A + "-" + order;
    assertThat(reply.header("Location")).isEqualTo("/v1/flows/" + flowId);
    JsonNode created = reply.json();
    assertThat(created.get("flowId").asString()).isEqualTo(flowId);
    assertThat(created.get("status").asString()).isEqualTo("AWAITING_SHOPPER");
    assertThat(created.get("statusTrackingId").asString()).isEqualTo("track-" + order);
    assertThat(created.get("redirectUrl").asString()).endsWith("/consumer/track-" + order);

    Http.Reply again = http.post(SEND_LINKS, SendLinks.checkout(order));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("statusTrackingId").asString()).isEqualTo("track-" + order);
    assertThat(runsOf(flowId)).hasSize(1);

    Http.Reply other = http.post(SEND_LINKS, SendLinks.checkout(order, "4296.0", "email"));
    assertProblem(other, 409);

    ChargeAfterSendLinkCall call = FakeChargeAfterActivities.CALLS.get(order);
    // The document: a discount without an amount is not added.
    assertThat(call.request().cartDetails().discounts()).extracting(ChargeAfterDiscount::name).containsExactly("Birthday discount");
    assertThat(call.callbacks().finalPostbackUrl()).endsWith("/v1/callbacks/chargeafter/" + flowId + "/final-postback");
    assertThat(call.callbacks().dataUpdatePostbackUrl()).endsWith("/v1/callbacks/chargeafter/" + flowId + "/data-update-postback");
    assertThat(call.callbacks().redirectOnSuccessUrl()).contains("/v1/callbacks/chargeafter/" + flowId + "/success?sig=");
    assertThat(call.callbacks().redirectOnFailureUrl()).contains("/failure?sig=");
    // A key of its own: not the sig, and another flow's is another.
    assertThat(call.callbacks().postbackAuthKey()).isNotBlank().isNotEqualTo(signatures.sign(flowId));

    Http.Reply status = http.get("/v1/flows/" + flowId);
    assertThat(status.json().get("state").asString()).isEqualTo("AWAITING_SHOPPER");
    assertThat(status.body()).doesNotContain(call.callbacks().postbackAuthKey()).doesNotContain("John");
  }

  @Test
  void aSendLinkIsCheckedBeforeAnythingStarts() {
    String order = reference("bad-");
    assertInvalid(http.post(SEND_LINKS, SendLinks.checkout(order, "4396.0", "redirectUrl")), "cartDetails.totalAmount");
    String noCart = SendLinks.checkout(order).replaceFirst("(?s)\"cartDetails\": \\{.*?\"totalAmount\": 4296.0\\},", "");
    assertInvalid(http.post(SEND_LINKS, noCart), "cartDetails");
    String noEmail = SendLinks.checkout(order, "4296.0", "email").replace("\"email\": \"john@example.com\",", "");
    assertInvalid(http.post(SEND_LINKS, noEmail), "consumerDetails.email");
    assertInvalid(http.post(SEND_LINKS, SendLinks.checkout(order).replace("e_commerce", "phone")), "channel");
    assertInvalid(http.post(SEND_LINKS, SendLinks.checkout(order).replace("https://shop.example", "https://evil.example")), "redirectOnSuccessURL");
    assertInvalid(http.post(SEND_LINKS, SendLinks.checkout(order).replace("\"lane\": 4", "\"lane\": {\"x\": 1}")), "tags.lane");
    assertInvalid(http.post(SEND_LINKS, SendLinks.checkout(order).replace("\"price\": 1999.0", "\"price\": 1999.005")), "cartDetails.items[0].price");
    assertThat(runsOf("chargeafter-" + TestMerchants.A + "-" + order)).isEmpty();
    assertThat(http.withKey(null).post(SEND_LINKS, SendLinks.checkout(order)).status()).isEqualTo(401);
  }

  @Test
  void aSendLinkChargeAfterRefusesAnswers422WithItsCode() {
    JsonNode problem = assertProblem(http.post(SEND_LINKS, SendLinks.checkout(reference(FakeChargeAfterActivities.REFUSED))), 422);
    assertThat(problem.get("code").asString()).isEqualTo("INVALID_REQUEST");
    assertThat(problem.get("source").asString()).isEqualTo("chargeafter");
  }

  @Test
  void theFinalPostbackWithTheFlowsKeyDecidesOnceAndTheMerchantReadsTheToken() {
    String order = reference("ok-");
    String flowId = send(order);

    Http.Reply data = postback(flowId, "data-update-postback", keyOf(order), SendLinks.dataUpdate("track-" + order, "3000"));
    assertThat(data.status()).as(data.toString()).isEqualTo(200);
    assertThat(data.json().get("received").asString()).isEqualTo("taken");
    assertThat(postback(flowId, "data-update-postback", keyOf(order), SendLinks.dataUpdate("track-" + order, "3000")).json().get("received").asString())
        .isEqualTo("unchanged");
    assertThat(http.get(SEND_LINKS + "/" + order).json().at("/availableCredit/0/creditAmount").decimalValue()).isEqualByComparingTo("3000");

    Http.Reply taken = postback(flowId, "final-postback", keyOf(order), SendLinks.approved("track-" + order, "tok-123"));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    assertThat(taken.json().get("received").asString()).isEqualTo("taken");
    long updatesAfterDecision = updates(flowId);

    Http.Reply repeated = postback(flowId, "final-postback", keyOf(order), SendLinks.approved("track-" + order, "tok-123"));
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.json().get("received").asString()).isIn("unchanged", "ended");
    assertThat(updates(flowId)).isEqualTo(updatesAfterDecision);

    JsonNode outcome = http.get(SEND_LINKS + "/" + order).json();
    assertThat(outcome.get("state").asString()).isEqualTo("APPROVED");
    assertThat(outcome.get("token").asString()).isEqualTo("tok-123");
    assertThat(outcome.at("/lender/id").asString()).isEqualTo("lenderid");
    Http.Reply status = http.get("/v1/flows/" + flowId);
    assertThat(status.json().get("state").asString()).isEqualTo("APPROVED");
    assertThat(status.body()).doesNotContain("tok-123");
    assertThat(http.withKey(TestMerchants.B_KEY).get(SEND_LINKS + "/" + order).status()).isEqualTo(404);

    // Once the flow has ended, a late postback is acknowledged and ignored.
    client.newUntypedWorkflowStub(flowId).getResult(FlowStatus.class);
    Http.Reply late = postback(flowId, "final-postback", keyOf(order), SendLinks.approved("track-" + order, "tok-999"));
    assertThat(late.status()).isEqualTo(200);
    assertThat(late.json().get("received").asString()).isEqualTo("ended");
    assertThat(http.get(SEND_LINKS + "/" + order).json().get("token").asString()).isEqualTo("tok-123");
  }

  @Test
  void postbacksWithoutThisFlowsKeyAre401AndTheFlowHearsNothing() {
    String order = reference("key-");
    String flowId = send(order);
    String otherOrder = reference("key-");
    send(otherOrder);
    long before = updates(flowId);
    String body = SendLinks.approved("track-" + order, "tok-1");

    for (String authorization :
        List.of("", "Bearer ", "Bearer wrong", keyOf(otherOrder), "Bearer " + signatures.sign(flowId), keyOf(order).replace("Bearer ", "Basic "))) {
      Http.Reply refused = postback(flowId, "final-postback", authorization.isEmpty() ? null : authorization, body);
      assertProblem(refused, 401);
      assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(postback(flowId, "data-update-postback", authorization.isEmpty() ? null : authorization, body).status()).isEqualTo(401);
    }
    // The key is checked before the body is read.
    assertProblem(postback(flowId, "final-postback", "Bearer wrong", "not json"), 401);
    assertThat(updates(flowId)).isEqualTo(before);
    assertThat(http.get("/v1/flows/" + flowId).json().get("state").asString()).isEqualTo("AWAITING_SHOPPER");

    assertInvalid(postback(flowId, "final-postback", keyOf(order), "{\"statusTrackingId\": \"x\", \"availableCredit\": 5}"), "availableCredit");
  }

  @Test
  void theConsumersReturnGoesToTheMerchantsPagesOnlyWithSig() {
    String order = reference("back-");
    String flowId = send(order);
    String sig = signatures.sign(flowId);

    Http.Reply success = http.withKey(null).get("/v1/callbacks/chargeafter/" + flowId + "/success?sig=" + sig);
    assertThat(success.status()).as(success.toString()).isEqualTo(303);
    assertThat(success.header("Location")).isEqualTo("https://shop.example/financing/approved?flowId=" + flowId);

    Http.Reply failure =
        http.withKey(null)
            .get("/v1/callbacks/chargeafter/" + flowId + "/failure?sig=" + sig + "&code=BACK_TO_STORE&message=Consumer+clicked+the+Back+to+Store+button");
    assertThat(failure.status()).isEqualTo(303);
    assertThat(failure.header("Location"))
        .isEqualTo("https://shop.example/financing/declined?lang=en&flowId=" + flowId
            + "&code=BACK_TO_STORE&message=Consumer+clicked+the+Back+to+Store+button");

    assertInvalid(http.withKey(null).get("/v1/callbacks/chargeafter/" + flowId + "/success"), "sig");
    assertInvalid(http.withKey(null).get("/v1/callbacks/chargeafter/" + flowId + "/success?sig=" + signatures.sign(flowId + "x")), "sig");
    assertInvalid(http.withKey(null).get("/v1/callbacks/chargeafter/" + flowId + "/failure?sig=" + sig + "&code=%3Cscript%3E"), "code");
  }

  @Test
  void aChargeAfterFlowHoldsNoPaymentToRefund() {
    String flowId = send(reference("refund-"));
    Http.Reply refund = http.post("/v1/flows/" + flowId + "/refunds", "{\"amount\": {\"amount\": \"1.00\", \"currency\": \"USD\"}, \"merchantReference\": \"RF-1\"}");
    assertProblem(refund, 409);
  }
}
