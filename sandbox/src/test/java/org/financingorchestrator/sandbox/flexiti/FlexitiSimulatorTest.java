package org.financingorchestrator.sandbox.flexiti;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FlexitiSimulatorTest extends SandboxIntegrationTest {

  private static final String POS = "/flexiti/client-id/flexitidemo";
  private static final String JOHN_VCC = "6374980100408234";

  @Test
  void tokenIsGrantedForAFormBodyOnlyAndExpiresThenRefreshes() {
    SandboxHttp.Answer asJson = http.call("POST", "/flexiti/oauth/token")
        .json("{\"client_id\":\"flexitidemo\",\"client_secret\":\"sandbox-client-secret\",\"grant_type\":\"client_credentials\"}").send();
    assertFlexitiError(asJson, 400, "invalid_request");
    assertFlexitiError(form("client_id=flexitidemo&client_secret=wrong&grant_type=client_credentials"), 400, "invalid_client");

    JsonNode token = token();
    assertThat(token.get("token_type").asString()).isEqualTo("bearer");
    assertThat(token.get("expires_in").asInt()).isEqualTo(1200);
    String access = token.get("access_token").asString();
    assertThat(lookUp(access, "vcc_number=" + JOHN_VCC).status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(1200));
    assertFlexitiError(lookUp(access, "vcc_number=" + JOHN_VCC), 401, "invalid_token");

    SandboxHttp.Answer refreshed = form("client_id=flexitidemo&client_secret=sandbox-client-secret&grant_type=refresh_token&refresh_token="
        + token.get("refresh_token").asString());
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(lookUp(refreshed.text("/access_token"), "vcc_number=" + JOHN_VCC).status()).isEqualTo(200);
    // A refresh token works once.
    assertFlexitiError(form("client_id=flexitidemo&client_secret=sandbox-client-secret&grant_type=refresh_token&refresh_token="
        + token.get("refresh_token").asString()), 400, "invalid_grant");
  }

  @Test
  void merchantLoginAnswersTheFormValuesWithOfferTypes() {
    String bearer = bearer();
    SandboxHttp.Answer login = pos(bearer, "POST", "/merchants/login?lang=en")
        .json("{\"merchant_username\":\"merchantonline\",\"merchant_password\":\"sandbox-merchant-password\"}").send();
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.text("/form_values/offer_types/3/plan_id")).isEqualTo("5");
    assertThat(login.json().at("/form_values/offer_types/3/term_options").toString()).isEqualTo("[3,6,10,20,30,40]");
    assertFlexitiError(pos(bearer, "POST", "/merchants/login").json("{\"merchant_username\":\"merchantonline\",\"merchant_password\":\"x\"}").send(),
        401, "invalid_merchant");
    assertFlexitiError(pos("nope", "POST", "/merchants/login").json("{}").send(), 401, "invalid_token");
  }

  @Test
  void lookUpAnswersNormalAccountsAndRefusesEveryOtherStatus() {
    String bearer = bearer();
    SandboxHttp.Answer john = lookUp(bearer, "first_name=John&last_name=Doe&dob=1990-01-01&postal_code=M5M1M1");
    assertThat(john.status()).isEqualTo(200);
    assertThat(john.json().get("customer_id").asLong()).isEqualTo(43353);
    assertThat(lookUp(bearer, "account_number=20035156").json().get("customer_id").asLong()).isEqualTo(43353);

    for (String blocked : new String[] {"6374980100408259", "6374980100408267", "6374980100408275", "6374980100408283"}) {
      assertFlexitiError(lookUp(bearer, "vcc_number=" + blocked), 409, "user_not_able_to_purchase");
    }
    assertFlexitiError(lookUp(bearer, "vcc_number=6374980100408291"), 409, "user_not_active");
    assertFlexitiError(lookUp(bearer, "vcc_number=6374980100400000"), 409, "not_found");
  }

  @Test
  void smsVerifiedPurchaseIsPostedOnlyWhenConfirmedAndLandsInTheLedger() {
    String bearer = bearer();
    assertThat(pos(bearer, "POST", "/customers/43353/verify").json("{\"format\":\"sms\"}").send().text("/verification_code"))
        .isEqualTo("verification_sent_to_sms");

    assertFlexitiError(post(bearer, "111111", false, null), 409, "wrong_verification_code");
    SandboxHttp.Answer posted = post(bearer, "246810", false, null);
    assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
    assertThat(posted.text("/payment_value")).isEqualTo("1,200.05");
    assertThat(posted.json().get("admin_fee").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(posted.json().get("customer_confirmed").asBoolean()).isFalse();
    String transactionId = posted.json().get("transaction_id").asString();
    assertFlexitiError(pos(bearer, "GET", "/customers/43353/transactions").send(), 409, "no_returns_found");

    SandboxHttp.Answer confirmed = post(bearer, "246810", true, transactionId);
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().get("customer_confirmed").asBoolean()).isTrue();
    assertThat(post(bearer, "246810", true, transactionId).status()).isEqualTo(200);

    JsonNode purchases = pos(bearer, "GET", "/customers/43353/transactions").send().json().get("transactions");
    assertThat(purchases).hasSize(1);
    assertThat(purchases.get(0).get("transaction_status").asString()).isEqualTo("Posted");
    assertThat(lookUp(bearer, "vcc_number=" + JOHN_VCC).json().get("available_credit").decimalValue()).isEqualByComparingTo("3799.95");

    JsonNode ledger = http.call("GET", "/sandbox/ledger?provider=flexiti&reference=" + transactionId).send().json();
    assertThat(ledger.findValuesAsString("type")).containsExactly("transaction_created", "transaction_posted");
    assertThat(ledger.toString()).doesNotContain(JOHN_VCC).doesNotContain("246810").doesNotContain("Doe");
  }

  @Test
  void aReturnGivesBackPartOfAPostedPurchase() {
    String bearer = bearer();
    pos(bearer, "POST", "/customers/43353/verify").json("{\"format\":\"sms\"}").send();
    String transactionId = post(bearer, "246810", true, null).json().get("transaction_id").asString();

    SandboxHttp.Answer returned = pos(bearer, "POST", "/transactions")
        .json("{\"transaction_type\":\"return\",\"customer_id\":\"43353\",\"amount\":200.05,\"transaction_id\":\"" + transactionId + "\",\"customer_confirmed\":true}").send();

    assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
    assertThat(returned.text("/total_amount")).isEqualTo("200.05000");
    JsonNode purchases = pos(bearer, "GET", "/customers/43353/transactions").send().json().get("transactions");
    assertThat(purchases.get(0).get("transaction_balance").asString()).isEqualTo("1000.00");
    assertFlexitiError(pos(bearer, "POST", "/transactions")
        .json("{\"transaction_type\":\"return\",\"customer_id\":\"43353\",\"amount\":1000.01,\"transaction_id\":\"" + transactionId + "\"}").send(),
        400, "wrong_input");
    JsonNode ledger = http.call("GET", "/sandbox/ledger?provider=flexiti&reference=" + transactionId).send().json();
    assertThat(ledger.findValuesAsString("type")).containsExactly("transaction_created", "transaction_posted", "return_posted");
  }

  @Test
  void everyVerificationFormatAndItsRefusals() {
    String bearer = bearer();
    assertThat(pos(bearer, "POST", "/customers/43353/verify").json("{\"format\":\"override\"}").send().json().get("verification_code").isNumber()).isTrue();
    assertThat(pos(bearer, "POST", "/customers/43353/verify").json("{\"format\":\"email\"}").send().text("/verification_code"))
        .isEqualTo("verification_sent_to_email");
    assertThat(pos(bearer, "POST", "/customers/43353/verify").json("{\"format\":\"security_question\",\"security_qid\":\"4\",\"security_answer\":\"rex\"}").send().status())
        .isEqualTo(200);
    assertFlexitiError(pos(bearer, "POST", "/customers/43353/verify").json("{\"format\":\"security_question\",\"security_qid\":\"4\",\"security_answer\":\"Max\"}").send(),
        409, "secret_answer_mismatch");
    assertFlexitiError(pos(bearer, "POST", "/customers/43354/verify").json("{\"format\":\"override\"}").send(), 409, "merchant_override_is_not_allowed");
    assertFlexitiError(pos(bearer, "POST", "/customers/43360/verify").json("{\"format\":\"email\"}").send(), 409, "wrong_input");
  }

  @Test
  void notEnoughCreditIsRefused() {
    String bearer = bearer();
    pos(bearer, "POST", "/customers/43354/verify").json("{\"format\":\"sms\"}").send();
    SandboxHttp.Answer refused = pos(bearer, "POST", "/transactions")
        .json("{\"customer_id\":\"43354\",\"amount\":300.01,\"verification_code\":\"246810\",\"customer_confirmed\":false}").send();
    assertFlexitiError(refused, 409, "not_enough_credit");
  }

  @Test
  void quebecApplicationShowsTheDebtRatioAndCanBeClosed() {
    String bearer = bearer();
    assertThat(pos(bearer, "GET", "/terms-and-conditions?province=QC").send().body()).contains("Quebec");
    String application = "{\"amount_requested\":5000,\"phone_number\":\"5551231231\",\"salutation\":\"mr\",\"first_name\":\"Jean\","
        + "\"last_name\":\"Tremblay\",\"dob\":\"1990-01-01\",\"address_2\":\"Apt C\",\"city\":\"Montreal\",\"province\":\"QC\","
        + "\"postal_code\":\"H2X1Y4\",\"personal_income\":60000,\"household_income\":90000,\"housing_type\":\"Rent\","
        + "\"occupation_id\":\"FE\",\"occupation_title\":\"Baker\",\"security_qid\":\"8\",\"security_answer\":\"Brown\","
        + "\"piw\":\"Cloud\",\"tos_agreement\":true%s}";
    assertFlexitiError(pos(bearer, "POST", "/apply").json(String.format(application, "")).send(), 400, "wrong_input");
    SandboxHttp.Answer approved = pos(bearer, "POST", "/apply").json(String.format(application, ",\"monthly_housing_expenses\":1000")).send();
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("debt_ratio").decimalValue()).isEqualByComparingTo("0.20");
    String account = approved.json().get("account_number").asString();

    assertThat(pos(bearer, "POST", "/customers/close-account").json("{\"account_number\":\"" + account + "\"}").send().status()).isEqualTo(200);
    JsonNode ledger = http.call("GET", "/sandbox/ledger?provider=flexiti&reference=" + account).send().json();
    assertThat(ledger.findValuesAsString("type")).containsExactly("account_opened", "account_closed");
    assertThat(ledger.toString()).doesNotContain("Tremblay").doesNotContain("Brown");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private SandboxHttp.Answer post(String bearer, String code, boolean confirmed, String transactionId) {
    String body = "{\"customer_id\":\"43353\",\"amount\":1200.05,\"verification_code\":\"" + code + "\",\"customer_confirmed\":" + confirmed
        + (transactionId == null ? "" : ",\"transaction_id\":\"" + transactionId + "\"") + "}";
    return pos(bearer, transactionId == null ? "POST" : "PUT", "/transactions").json(body).send();
  }

  private SandboxHttp.Answer lookUp(String bearer, String query) {
    return pos(bearer, "GET", "/customers/lookup?" + query).send();
  }

  private SandboxHttp.Call pos(String bearer, String method, String path) {
    return http.call(method, POS + path).header("Authorization", "Bearer " + bearer);
  }

  private SandboxHttp.Answer form(String form) {
    return http.call("POST", "/flexiti/oauth/token").form(form).send();
  }

  private JsonNode token() {
    SandboxHttp.Answer answer = form("client_id=flexitidemo&client_secret=sandbox-client-secret&grant_type=client_credentials");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private String bearer() {
    return token().get("access_token").asString();
  }

  private static void assertFlexitiError(SandboxHttp.Answer answer, int status, String error) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.json().get("error").asString()).isEqualTo(error);
    assertThat(answer.json().get("error_description").asString()).isNotBlank();
  }
}
