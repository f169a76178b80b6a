package org.financingorchestrator.sandbox.chargeafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The simulated ChargeAfter against its documents: send-link, the consumer's steps, postbacks, status. */
class ChargeAfterSendLinkTest extends SandboxIntegrationTest {

  static final String KEY = "Bearer sandbox-chargeafter-private-key";
  static final String SAMPLE =
      """
      {"channel": "e_commerce", "flow": "checkout", "sendUsing": "redirectUrl",
       "consumerDetails": {"firstName": "John", "lastName": "Doe", "email": "john@example.com",
         "mobilePhoneNumber": "2124445555",
         "shippingAddress": {"line1": "3 My Street", "city": "New York", "zipCode": "10019", "state": "NY"},
         "billingAddress": {"line1": "3 My Street", "city": "New York", "zipCode": "10019", "state": "NY"}},
       "cartDetails": {"items": [{"name": "Awesome Product", "price": 1999.0, "sku": "AWSMPRDCT", "quantity": 2,
           "leasable": true, "warranty": {"name": "Awesome Warranty", "price": 100.0, "sku": "AWSMWRNTY"}}],
         "discounts": [{"name": "Birthday discount", "amount": 20}],
         "taxAmount": 199.0, "shippingAmount": 19.0, "totalAmount": 4296.0},
       "currency": "USD", "merchantOrderId": "order-1", "correlationId": "corr-1", "tags": {"store": "nyc"},
       "finalPostbackURL": "%s", "dataUpdatePostbackURL": "%s", "postbackAuthKey": "flow-key-1",
       "redirectOnSuccessURL": "https://shop.example/ok", "redirectOnFailureURL": "https://shop.example/failed"}
      """;

  private PostbackReceiver merchant;

  @BeforeEach
  void merchant() {
    merchant = new PostbackReceiver();
  }

  @AfterEach
  void close() {
    merchant.close();
  }

  private String sample() {
    return SAMPLE.formatted(merchant.url("/final"), merchant.url("/data"));
  }

  private SandboxHttp.Answer sendLink(String json) {
    return http.call("POST", "/chargeafter/omnichannel/send-link").header("Authorization", KEY).json(json).send();
  }

  private String created() {
    SandboxHttp.Answer answer = sendLink(sample());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.text("/statusTrackingId");
  }

  @Test
  void theDocumentsSampleIsAcceptedAndAnsweredWithAStatusTrackingIdAndLink() {
    SandboxHttp.Answer answer = sendLink(sample());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.get("success").asString()).isEqualTo("true");
    assertThat(json.get("correlationId").asString()).isEqualTo("corr-1");
    assertThat(json.at("/tags/store").asString()).isEqualTo("nyc");
    String id = json.get("statusTrackingId").asString();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(json.get("redirectUrl").asString()).endsWith("/chargeafter/consumer/" + id);
    JsonNode ledger = http.call("GET", "/sandbox/ledger?provider=chargeafter").send().json();
    assertThat(ledger.get(0).get("type").asString()).isEqualTo("SEND_LINK_CREATED");
    assertThat(ledger.get(0).get("amount").asString()).isEqualTo("4296.00");
    assertThat(ledger.toString()).doesNotContain("John").doesNotContain("flow-key-1");
  }

  @Test
  void withoutThePrivateKeyNothingIsCreated() {
    SandboxHttp.Answer answer =
        http.call("POST", "/chargeafter/omnichannel/send-link").header("Authorization", "Bearer wrong").json(sample()).send();
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.text("/error/code")).isEqualTo("UNAUTHORIZED");
    assertThat(http.call("GET", "/chargeafter/omnichannel/send-link/status/x").send().status()).isEqualTo(401);
  }

  @Test
  void theRulesOfTheDocumentAreChecked() {
    ObjectNode request = (ObjectNode) SandboxHttp.JSON.readTree(sample());
    ((ObjectNode) request.get("cartDetails")).put("totalAmount", 4396.0);
    request.remove("finalPostbackURL");
    request.put("sendUsing", "email");
    ((ObjectNode) request.get("consumerDetails")).remove("email");
    SandboxHttp.Answer answer = sendLink(request.toString());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("/error/code")).isEqualTo("INVALID_REQUEST");
    assertThat(answer.text("/error/message"))
        .contains("cartDetails.totalAmount must equal")
        .contains("(4296)")
        .contains("finalPostbackURL is required for the checkout flow")
        .contains("consumerDetails.email is required");

    ObjectNode checkoutWithoutCart = (ObjectNode) SandboxHttp.JSON.readTree(sample());
    checkoutWithoutCart.remove("cartDetails");
    assertThat(sendLink(checkoutWithoutCart.toString()).text("/error/message")).contains("cartDetails is required");
  }

  @Test
  void approvalSendsTheDataUpdateThenTheFinalPostbackWithTheFlowsKeyAndGoesToTheSuccessPage() {
    String id = created();
    SandboxHttp.Answer page = http.call("GET", "/chargeafter/consumer/" + id).send();
    assertThat(page.body()).contains("USD 4296").contains("/approve\"");

    SandboxHttp.Answer approved = http.call("POST", "/chargeafter/consumer/" + id + "/approve").send();
    assertThat(approved.status()).isEqualTo(303);
    assertThat(approved.header("Location")).contains("https://shop.example/ok");

    List<PostbackReceiver.Received> received = merchant.received();
    assertThat(received).extracting(PostbackReceiver.Received::path).containsExactly("/data", "/final");
    assertThat(received).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer flow-key-1"));
    JsonNode body = SandboxHttp.JSON.readTree(received.get(1).body());
    assertThat(body.get("statusTrackingId").asString()).isEqualTo(id);
    assertThat(body.get("token").asString()).matches("[0-9a-f-]{36}");
    assertThat(body.at("/lender/id").asString()).isEqualTo("sandbox-lender");
    assertThat(body.at("/availableCredit/0/creditAmount").asString()).isEqualTo("5000");
    assertThat(body.at("/orderInfo/totalAmount").decimalValue()).isEqualByComparingTo("4296");
    assertThat(body.get("error").isNull()).isTrue();

    SandboxHttp.Answer status =
        http.call("GET", "/chargeafter/omnichannel/send-link/status/" + id).header("Authorization", KEY).send();
    assertThat(status.text("/status")).isEqualTo("COMPLETED");
    assertThat(status.text("/token")).isEqualTo(body.get("token").asString());

    // The consumer's page posted again: the same page, nothing sent again.
    assertThat(http.call("POST", "/chargeafter/consumer/" + id + "/cancel").send().header("Location")).contains("https://shop.example/ok");
    assertThat(merchant.received()).hasSize(2);
  }

  @Test
  void failuresGoToTheFailurePageWithCodeAndMessage() {
    String id = created();
    SandboxHttp.Answer back = http.call("POST", "/chargeafter/consumer/" + id + "/back-to-store").send();
    assertThat(back.header("Location"))
        .hasValue("https://shop.example/failed?code=BACK_TO_STORE&message=Consumer%20clicked%20the%20Back%20to%20Store%20button");
    JsonNode body = SandboxHttp.JSON.readTree(merchant.received().get(0).body());
    assertThat(body.at("/error/code").asString()).isEqualTo("BACK_TO_STORE");
    assertThat(body.get("token").isNull()).isTrue();

    String other = created();
    SandboxHttp.Answer mismatch =
        http.call("POST", "/chargeafter/consumer/" + other + "/decline?code=BILLING_SHIPPING_MISMATCH").send();
    assertThat(mismatch.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("code=BILLING_SHIPPING_MISMATCH"));
  }

  @Test
  void postbacksCanBeScriptedTwiceNeverOrLate() throws InterruptedException {
    String twice = created();
    http.call("POST", "/chargeafter/consumer/" + twice + "/cancel?postback=twice").send();
    assertThat(merchant.received()).hasSize(2);

    String never = created();
    http.call("POST", "/chargeafter/consumer/" + never + "/approve?postback=never").send();
    assertThat(merchant.received()).hasSize(2);
    SandboxHttp.Answer status =
        http.call("GET", "/chargeafter/omnichannel/send-link/status/" + never).header("Authorization", KEY).send();
    assertThat(status.text("/status")).isEqualTo("COMPLETED");

    String late = created();
    SandboxHttp.Answer open =
        http.call("GET", "/chargeafter/omnichannel/send-link/status/" + late).header("Authorization", KEY).send();
    assertThat(open.text("/status")).isEqualTo("IN_PROGRESS");
    http.call("POST", "/chargeafter/consumer/" + late + "/decline?postback=late&delaySeconds=0").send();
    assertThat(merchant.await(3)).hasSize(3);
  }
}
