package org.financingorchestrator.sandbox.affirm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulated Affirm against its document and Affirm's v2 charge rules. */
class AffirmChargesTest extends SandboxIntegrationTest {

  static final String AUTH = SandboxHttp.basic("sandbox-public-key", "sandbox-private-key");
  static final String CONFIRM_URL = "http://localhost:8080/v1/callbacks/affirm/affirm-demo-o1/confirm?sig=abc";
  static final String CANCEL_URL = "http://localhost:8080/v1/callbacks/affirm/affirm-demo-o1/cancel?sig=abc";

  private String openCheckout() {
    SandboxHttp.Answer opened =
        http.call("POST", "/affirm/js/checkout")
            .json(
                "{\"merchant\":{\"user_confirmation_url\":\"" + CONFIRM_URL + "\",\"user_cancel_url\":\"" + CANCEL_URL
                    + "\",\"user_confirmation_url_action\":\"POST\"},\"order_id\":\"o1\",\"currency\":\"USD\","
                    + "\"total\":6100,\"shipping_amount\":400,\"tax_amount\":700,"
                    + "\"items\":[{\"display_name\":\"Sweater\",\"sku\":\"sweater-a92123\",\"unit_price\":5000,\"qty\":1}]}")
            .send();
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    assertThat(opened.text("/redirect_url")).startsWith("/affirm/checkout/");
    return opened.text("/checkout_id");
  }

  private String confirm(String checkoutId, String query) {
    SandboxHttp.Answer confirmed =
        http.call("POST", "/affirm/checkout/" + checkoutId + "/confirm" + query).header("Accept", "application/json").send();
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.text("/user_confirmation_url")).isEqualTo(CONFIRM_URL);
    return confirmed.text("/checkout_token");
  }

  private SandboxHttp.Answer post(String path, String key, String json) {
    return http.call("POST", "/affirm/api/v2/charges" + path)
        .header("Authorization", AUTH)
        .header("Idempotency-Key", key)
        .json(json)
        .send();
  }

  private JsonNode authorize(String token) {
    SandboxHttp.Answer answer = post("", "k-auth", "{\"checkout_token\":\"" + token + "\",\"order_id\":\"o1\"}");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void confirmAuthorizeCaptureRefundOnce() {
    String checkoutId = openCheckout();
    SandboxHttp.Answer form = http.call("POST", "/affirm/checkout/" + checkoutId + "/confirm").send();
    assertThat(form.body()).contains("name=\"checkout_token\"").contains("method=\"post\"").contains("onload=");
    String token = confirm(checkoutId, "");

    JsonNode charge = authorize(token);
    assertThat(charge.get("amount").asLong()).isEqualTo(6100);
    assertThat(charge.get("auth_hold").asLong()).isEqualTo(6100);
    assertThat(charge.get("payable").asLong()).isZero();
    assertThat(charge.get("void").asBoolean()).isFalse();
    assertThat(charge.get("order_id").asString()).isEqualTo("o1");
    assertThat(charge.at("/events/0/type").asString()).isEqualTo("auth");
    assertThat(charge.at("/details/items/0/sku").asString()).isEqualTo("sweater-a92123");
    String id = charge.get("id").asString();
    // The same key answers the same charge; another key is refused: a token authorizes once.
    assertThat(authorize(token).get("id").asString()).isEqualTo(id);
    SandboxHttp.Answer again = post("", "k-other", "{\"checkout_token\":\"" + token + "\"}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.text("/code")).isEqualTo("checkout-token-used");

    SandboxHttp.Answer capture = post("/" + id + "/capture", "k-cap", "{\"order_id\":\"o1\",\"amount\":5000}");
    assertThat(capture.status()).as(capture.toString()).isEqualTo(200);
    assertThat(capture.text("/type")).isEqualTo("capture");
    assertThat(post("/" + id + "/capture", "k-cap", "{\"order_id\":\"o1\",\"amount\":5000}").text("/id"))
        .isEqualTo(capture.text("/id"));
    assertThat(post("/" + id + "/capture", "k-cap2", "{}").text("/code")).isEqualTo("already-captured");
    assertThat(post("/" + id + "/void", "k-void", "{}").text("/code")).isEqualTo("void-captured");

    assertThat(post("/" + id + "/refund", "k-r1", "{\"amount\":2000}").status()).isEqualTo(200);
    assertThat(post("/" + id + "/refund", "k-r1", "{\"amount\":2000}").status()).isEqualTo(200);
    assertThat(post("/" + id + "/refund", "k-r2", "{\"amount\":3001}").text("/code")).isEqualTo("refund-exceeded");
    assertThat(post("/" + id + "/update", "k-u", "{\"shipping_carrier\":\"USPS\",\"shipping_confirmation\":\"1Z\"}").text("/type"))
        .isEqualTo("update");

    SandboxHttp.Answer read = http.call("GET", "/affirm/api/v2/charges/" + id).header("Authorization", AUTH).send();
    assertThat(read.json().get("payable").asLong()).isEqualTo(3000);
    assertThat(read.json().get("events")).hasSize(4);

    JsonNode ledger = http.call("GET", "/sandbox/ledger?provider=affirm").send().json();
    assertThat(ledger.findValuesAsString("type"))
        .containsExactly(
            "CHECKOUT_CREATED", "SHOPPER_CONFIRMED", "CHARGE_AUTHORIZED", "CHARGE_CAPTURED", "CHARGE_REFUNDED", "CHARGE_UPDATED");
    assertThat(ledger.toString()).doesNotContain("sweater");
  }

  @Test
  void authorizationErrorsFollowTheDocument() {
    SandboxHttp.Answer unauthorized =
        http.call("POST", "/affirm/api/v2/charges").header("Authorization", SandboxHttp.basic("x", "y")).json("{}").send();
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.text("/code")).isEqualTo("unauthorized");
    assertThat(unauthorized.json().get("status_code").asInt()).isEqualTo(401);

    assertThat(post("", "k1", "{\"checkout_token\":\"NOPE\"}").text("/code")).isEqualTo("authorization-failed");

    String declined = confirm(openCheckout(), "?decline=true");
    SandboxHttp.Answer refused = post("", "k2", "{\"checkout_token\":\"" + declined + "\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/message")).isEqualTo(Affirm.AUTHORIZATION_MESSAGE);

    String late = confirm(openCheckout(), "");
    clock.advance(Duration.ofHours(1));
    SandboxHttp.Answer expired = post("", "k3", "{\"checkout_token\":\"" + late + "\"}");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.text("/code")).isEqualTo("checkout-token-expired");
  }

  @Test
  void scriptedAmountVoidAndExpiry() {
    String token = confirm(openCheckout(), "?authorizeAmount=5900");
    JsonNode charge = authorize(token);
    assertThat(charge.get("amount").asLong()).isEqualTo(5900);
    String id = charge.get("id").asString();
    assertThat(post("/" + id + "/refund", "r", "{\"amount\":100}").text("/code")).isEqualTo("refund-uncaptured");
    assertThat(post("/" + id + "/void", "v", "").status()).isEqualTo(200);
    assertThat(post("/" + id + "/capture", "c", "{}").text("/code")).isEqualTo("capture-voided");

    String other = confirm(openCheckout(), "");
    String otherId = post("", "k", "{\"checkout_token\":\"" + other + "\"}").text("/id");
    clock.advance(Duration.ofDays(30));
    assertThat(post("/" + otherId + "/capture", "c", "{}").text("/code")).isEqualTo("auth-expired");
  }

  @Test
  void cancelSendsTheBrowserToTheCancelUrl() {
    String checkoutId = openCheckout();
    SandboxHttp.Answer cancelled = http.call("POST", "/affirm/checkout/" + checkoutId + "/cancel").send();
    assertThat(cancelled.status()).isEqualTo(303);
    assertThat(cancelled.header("Location")).contains(CANCEL_URL);
    assertThat(http.call("GET", "/affirm/checkout/" + checkoutId).send().body()).contains("Confirm");
  }
}
