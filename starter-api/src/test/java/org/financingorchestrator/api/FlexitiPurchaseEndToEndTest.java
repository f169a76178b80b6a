package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.RawHistory;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Flexiti purchase through the whole stack: starter-api over HTTP as the demo merchant, a real
 * Temporal dev server, the worker with the real activities, and the sandbox's Flexiti simulator
 * (its OAuth token, merchant login, look-up, sms verification, post and confirm).
 */
@RequiresLocalTools("temporal")
class FlexitiPurchaseEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String JOHN_VCC = "6374980100408234";
  private static final String SENT_CODE = "246810";

  private static InProcessStack stack;
  private static int apiPort;
  private static int sandboxPort;

  @BeforeAll
  static void startTheStack() {
    stack = InProcessStack.start("flexiti-end-to-end");
    apiPort = stack.apiPort();
    sandboxPort = stack.sandboxPort();
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anSmsVerifiedPurchaseIsPostedOnceTheCustomerAccepts() throws Exception {
    String purchase = purchase("e2e-till-1", JOHN_VCC);

    HttpResponse<String> started = send(post(api("/v1/flexiti/purchases"), purchase));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String flowId = JSON.readTree(started.body()).get("flowId").asText();
    assertThat(flowId).isEqualTo("flexiti-demo-e2e-till-1");
    assertThat(JSON.readTree(started.body()).get("state").asText()).isEqualTo("AWAITING_VERIFICATION");
    // The same request again answers the same flow.
    assertThat(JSON.readTree(send(post(api("/v1/flexiti/purchases"), purchase)).body()).get("flowId").asText()).isEqualTo(flowId);

    HttpResponse<String> shown = send(post(api("/v1/flows/" + flowId + "/verification-code"), "{\"code\":\"" + SENT_CODE + "\"}"));
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    JsonNode terms = JSON.readTree(shown.body()).get("terms");
    assertThat(JSON.readTree(shown.body()).get("state").asText()).isEqualTo("AWAITING_SHOPPER");
    assertThat(terms.get("planName").asText()).isEqualTo("Equal Payments, No Interest");
    assertThat(terms.get("paymentValue").get("amount").asText()).isEqualTo("200.01");
    assertThat(terms.get("adminFee").get("amount").asText()).isEqualTo("49.99");
    assertThat(terms.get("balanceAfterPurchase").get("amount").asText()).isEqualTo("3799.95");
    String transactionId = terms.get("transactionId").asText();
    assertThat(ledger(transactionId, "transaction_posted")).isEmpty();

    HttpResponse<String> posted = send(post(api("/v1/flows/" + flowId + "/customer-confirmation"), "{\"decision\":\"accept\"}"));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(JSON.readTree(posted.body()).get("state").asText()).isEqualTo("POSTED");
    assertThat(JSON.readTree(posted.body()).get("transactionId").asText()).isEqualTo(transactionId);
    assertThat(ledger(transactionId, "transaction_posted")).hasSize(1);

    HttpResponse<String> status = send(get(api("/v1/flows/" + flowId)));
    assertThat(JSON.readTree(status.body()).get("state").asText()).isEqualTo("POSTED");
    assertThat(status.body()).doesNotContain(JOHN_VCC).doesNotContain(SENT_CODE);
    // A return of part of it, as its own short flow.
    HttpResponse<String> returned = send(post(api("/v1/flexiti/returns"),
        "{\"merchantReference\":\"e2e-return-1\",\"customer\":{\"vccNumber\":\"" + JOHN_VCC + "\"},\"transactionId\":\""
            + transactionId + "\",\"amount\":{\"amount\":\"200.05\",\"currency\":\"CAD\"}}"));
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(201);
    assertThat(JSON.readTree(returned.body()).get("state").asText()).isEqualTo("REFUNDED");
    assertThat(ledger(transactionId, "return_posted")).hasSize(1);

    // What the flow was told (the VCC, the code) is encrypted on the Temporal server.
    try (RawHistory raw = RawHistory.connect(stack.temporal().target())) {
      RawHistory.Payloads history = raw.history(flowId);
      assertThat(history.encoded()).isNotEmpty().allSatisfy(payload -> assertThat(RawHistory.isEncrypted(payload)).isTrue());
    }
  }

  @Test
  void aFrozenAccountIsDeclinedWithFlexitisMessage() throws Exception {
    HttpResponse<String> started = send(post(api("/v1/flexiti/purchases"), purchase("e2e-till-2", "6374980100408267")));

    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode answer = JSON.readTree(started.body());
    assertThat(answer.get("state").asText()).isEqualTo("DECLINED");
    assertThat(answer.get("failure").get("code").asText()).isEqualTo("user_not_able_to_purchase");
    assertThat(answer.get("failure").get("message").asText()).startsWith("We’re sorry");
  }

  @Test
  void aQuebecApplicationIsApprovedOnceTheApplicantAcceptsAndACancelledOneIsClosed() throws Exception {
    HttpResponse<String> applied = send(post(api("/v1/flexiti/applications"),
        JSON.writeValueAsString(org.financingorchestrator.api.flexiti.FlexitiApplications.quebec("e2e-app-1"))));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    JsonNode answer = JSON.readTree(applied.body());
    assertThat(answer.get("state").asText()).isEqualTo("AWAITING_SHOPPER");
    assertThat(answer.get("account").get("debtRatio").decimalValue()).isEqualByComparingTo("0.20");
    assertThat(applied.body()).doesNotContain("\"vcc");

    HttpResponse<String> accepted = send(post(api("/v1/flows/flexiti-demo-e2e-app-1/applicant-decision"), "{\"decision\":\"accept\"}"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(JSON.readTree(accepted.body()).get("state").asText()).isEqualTo("APPROVED");

    java.util.Map<String, Object> other = org.financingorchestrator.api.flexiti.FlexitiApplications.quebec("e2e-app-2");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> applicant = (java.util.Map<String, Object>) other.get("applicant");
    applicant.put("firstName", "Marie");
    String account = JSON.readTree(send(post(api("/v1/flexiti/applications"), JSON.writeValueAsString(other))).body())
        .get("account").get("accountNumber").asText();
    HttpResponse<String> cancelled = send(post(api("/v1/flows/flexiti-demo-e2e-app-2/applicant-decision"), "{\"decision\":\"cancel\"}"));
    assertThat(JSON.readTree(cancelled.body()).get("state").asText()).isEqualTo("CANCELLED");
    assertThat(ledger(account, "account_closed")).hasSize(1);
  }

  private static String purchase(String reference, String vcc) {
    return "{\"merchantReference\":\"" + reference + "\",\"amount\":{\"amount\":\"1200.05\",\"currency\":\"CAD\"},"
        + "\"customer\":{\"vccNumber\":\"" + vcc + "\"},\"verification\":{\"format\":\"sms\"},\"planId\":\"5\",\"term\":6}";
  }

  private static List<JsonNode> ledger(String reference, String type) throws Exception {
    HttpResponse<String> response = send(get(URI.create("http://localhost:" + sandboxPort + "/sandbox/ledger?provider=flexiti&reference=" + reference)));
    List<JsonNode> entries = new ArrayList<>();
    JSON.readTree(response.body()).forEach(entry -> {
      if (type.equals(entry.get("type").asText())) {
        entries.add(entry);
      }
    });
    return entries;
  }

  private static URI api(String path) {
    return URI.create("http://localhost:" + apiPort + path);
  }

  private static HttpRequest get(URI uri) {
    return asDemoMerchant(uri).GET().build();
  }

  private static HttpRequest post(URI uri, String json) {
    return asDemoMerchant(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private static HttpRequest.Builder asDemoMerchant(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + TestMerchants.DEMO_KEY);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

}
