package org.financingorchestrator.activities.flexiti;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.financingorchestrator.activities.common.MutableClock;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ProviderFailure;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomer;
import org.financingorchestrator.workflows.flexiti.FlexitiCustomerKey;
import org.financingorchestrator.workflows.flexiti.FlexitiOffer;
import org.financingorchestrator.workflows.flexiti.FlexitiTerms;
import org.financingorchestrator.workflows.flexiti.FlexitiTimeouts;
import org.financingorchestrator.workflows.flexiti.FlexitiTransactionCall;
import org.financingorchestrator.workflows.flexiti.FlexitiVerificationFormat;
import org.financingorchestrator.workflows.flexiti.FlexitiVerifyCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each Flexiti activity sends exactly the request the document describes, with the worker's one
 * bearer token, and maps exactly its answer; the token is asked for form-encoded, renewed before it
 * expires and after a 401 invalid_token, one request at a time.
 */
class FlexitiActivitiesRequestsTest {

  @RegisterExtension
  static WireMockExtension flexiti = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String POS = "/client-id/flexitidemo";
  private static final String TOKEN_FORM =
      "client_id=flexitidemo&client_secret=s3cr%26t&grant_type=client_credentials";

  private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-02T10:00:00Z"));
  private FlexitiActivitiesImpl activities;
  private FlexitiTokens tokens;

  @BeforeEach
  void setUp() {
    FlexitiClientSettings settings =
        new FlexitiClientSettings(URI.create(flexiti.baseUrl()), "flexitidemo", "s3cr&t", "merchantonline", "pw");
    FlexitiApiFactory.Clients clients =
        FlexitiApiFactory.create(settings, new SimpleMeterRegistry(),
            new FlexitiTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)), clock);
    tokens = clients.tokens();
    activities = new FlexitiActivitiesImpl(clients.api(), settings);
    stubToken("client_credentials", "access-1", "refresh-1", 1200);
  }

  @Test
  void theTokenIsAskedForFormEncodedAndSentAsBearerOnEveryCall() {
    stubLookUp();
    activities.lookUp(FlexitiCustomerKey.byVcc("6374980100408234"), "en");
    activities.lookUp(FlexitiCustomerKey.byVcc("6374980100408234"), "en");

    flexiti.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo(TOKEN_FORM)));
    flexiti.verify(2, getRequestedFor(urlPathEqualTo(POS + "/customers/lookup"))
        .withHeader("Authorization", equalTo("Bearer access-1"))
        .withQueryParam("vcc_number", equalTo("6374980100408234"))
        .withQueryParam("lang", equalTo("en"))
        .withQueryParam("dob", absent()));
  }

  @Test
  void theTokenIsRefreshedBeforeExpiresInRunsOut() {
    stubLookUp();
    stubRefresh("refresh-1", "access-2", "refresh-2");
    activities.lookUp(FlexitiCustomerKey.byVcc("6374980100408234"), "en");

    clock.advance(Duration.ofSeconds(1200 - 60));
    activities.lookUp(FlexitiCustomerKey.byVcc("6374980100408234"), "en");

    flexiti.verify(postRequestedFor(urlEqualTo("/oauth/token"))
        .withRequestBody(equalTo("client_id=flexitidemo&client_secret=s3cr%26t&grant_type=refresh_token&refresh_token=refresh-1")));
    flexiti.verify(1, getRequestedFor(urlPathEqualTo(POS + "/customers/lookup")).withHeader("Authorization", equalTo("Bearer access-2")));
  }

  @Test
  void a401InvalidTokenDropsTheTokenAndIsRetryableSoTheRetryGoesWithANewOne() {
    stubRefresh("refresh-1", "access-2", "refresh-2");
    flexiti.stubFor(get(urlPathEqualTo(POS + "/customers/lookup")).withHeader("Authorization", equalTo("Bearer access-1"))
        .willReturn(json(401, "{\"code\": 401, \"error\": \"invalid_token\", \"error_description\": \"The access token provided is invalid.\"}")));
    flexiti.stubFor(get(urlPathEqualTo(POS + "/customers/lookup")).withHeader("Authorization", equalTo("Bearer access-2"))
        .willReturn(json(200, LOOKUP)));

    assertThatThrownBy(() -> activities.lookUp(FlexitiCustomerKey.byVcc("6374980100408234"), "en"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("invalid_token");
          assertThat(f.isNonRetryable()).isFalse();
        });
    FlexitiCustomer customer = activities.lookUp(FlexitiCustomerKey.byVcc("6374980100408234"), "en");

    assertThat(customer.customerId()).isEqualTo("43353");
    flexiti.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void manyConcurrentCallersCauseOneTokenRequestAtATime() throws Exception {
    flexiti.stubFor(post("/oauth/token").willReturn(json(200,
        "{\"token_type\": \"bearer\", \"access_token\": \"slow\", \"expires_in\": 1200, \"refresh_token\": \"r\"}")
        .withFixedDelay(300)));
    stubLookUp();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<FlexitiCustomer>> calls = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Callable<FlexitiCustomer> call = () -> {
        go.await();
        return activities.lookUp(FlexitiCustomerKey.byVcc("6374980100408234"), "en");
      };
      calls.add(pool.submit(call));
    }
    go.countDown();
    for (Future<FlexitiCustomer> call : calls) {
      assertThat(call.get().customerId()).isEqualTo("43353");
    }
    pool.shutdown();

    flexiti.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    flexiti.verify(16, getRequestedFor(urlPathEqualTo(POS + "/customers/lookup")).withHeader("Authorization", equalTo("Bearer slow")));

    // Sixteen calls refused together with the same token: one renewal.
    tokens.invalidate("slow");
    tokens.invalidate("slow");
    assertThat(tokens.accessToken()).isEqualTo("slow");
    flexiti.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void merchantLoginHappensOncePerLanguageAndAnswersTheOfferTypes() {
    flexiti.stubFor(post(urlPathEqualTo(POS + "/merchants/login")).willReturn(json(200,
        "{\"merchant_name\": \"European Restorations\", \"merchant_id\": \"382\", \"form_values\": {\"offer_types\": ["
            + "{\"plan_name\": \"Equal Payments, No Interest\", \"term_options\": [3, 6, 10], \"plan_id\": \"5\", \"offer_category\": \"equal_billing\"}]}}")));

    List<FlexitiOffer> en = activities.merchantOffers("en");
    activities.merchantOffers("en");
    activities.merchantOffers("fr");

    assertThat(en).containsExactly(new FlexitiOffer("5", "Equal Payments, No Interest", List.of(3, 6, 10)));
    flexiti.verify(1, postRequestedFor(urlEqualTo(POS + "/merchants/login?lang=en"))
        .withHeader("Authorization", equalTo("Bearer access-1"))
        .withRequestBody(equalToJson("{\"merchant_username\": \"merchantonline\", \"merchant_password\": \"pw\"}")));
    flexiti.verify(1, postRequestedFor(urlEqualTo(POS + "/merchants/login?lang=fr")));
  }

  @Test
  void lookUpByDemographicsAndItsRefusalsKeepFlexitisCodeAndMessage() {
    flexiti.stubFor(get(urlPathEqualTo(POS + "/customers/lookup")).willReturn(json(409,
        "{\"url\": \"/flexiti/pos-api/v2/client-id/flexitidemo/customers/lookup\", \"message\": \"Customer not found\", \"error\": \"not_found\"}")));

    assertThatThrownBy(() -> activities.lookUp(FlexitiCustomerKey.byDemographics("John", "Doe", "1990-01-01", "M5M1M1"), "en"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          ProviderFailure failure = ProviderFailure.from(f).orElseThrow();
          assertThat(failure.code()).isEqualTo("not_found");
          assertThat(failure.message()).isEqualTo("Customer not found");
          assertThat(failure.retryable()).isFalse();
        });
    flexiti.verify(getRequestedFor(urlPathEqualTo(POS + "/customers/lookup"))
        .withQueryParam("first_name", equalTo("John")).withQueryParam("last_name", equalTo("Doe"))
        .withQueryParam("dob", equalTo("1990-01-01")).withQueryParam("postal_code", equalTo("M5M1M1"))
        .withQueryParam("vcc_number", absent()));
  }

  @Test
  void verifyAnswersTheOverrideCodeOrThatItWasSent() {
    flexiti.stubFor(post(urlPathEqualTo(POS + "/customers/43353/verify")).inScenario("v").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(200, "{\"verification_code\": 2485}")).willSetStateTo("sms"));
    flexiti.stubFor(post(urlPathEqualTo(POS + "/customers/43353/verify")).inScenario("v").whenScenarioStateIs("sms")
        .willReturn(json(200, "{\"verification_code\": \"verification_sent_to_sms\"}")));

    assertThat(activities.verify(new FlexitiVerifyCall("43353", FlexitiVerificationFormat.OVERRIDE, null, null, "en")).code()).isEqualTo("2485");
    assertThat(activities.verify(new FlexitiVerifyCall("43353", FlexitiVerificationFormat.SMS, null, null, "en")).code()).isNull();

    flexiti.verify(postRequestedFor(urlEqualTo(POS + "/customers/43353/verify?lang=en")).withRequestBody(equalToJson("{\"format\": \"override\"}")));
    flexiti.verify(postRequestedFor(urlEqualTo(POS + "/customers/43353/verify?lang=en")).withRequestBody(equalToJson("{\"format\": \"sms\"}")));
  }

  @Test
  void postThenConfirmSendTheSameFieldsAndReadMoneyWithThousandsSeparatorsExactly() {
    String answer = "{\"payment_protection\": false, \"transaction_id\": 167639, \"apr\": 37.24, \"available_credit\": 3528.93,"
        + " \"term\": \"6\", \"admin_fee\": 49.99, \"balance_after_purchase\": 2328.88, \"payment_value\": \"1,200.05\","
        + " \"promotional_amount\": 1200.05, \"customer_confirmed\": false, \"plan_id\": \"5\", \"plan_name\": \"Equal Payments, No Interest\"}";
    flexiti.stubFor(post(urlPathEqualTo(POS + "/transactions")).willReturn(json(200, answer)));
    flexiti.stubFor(put(urlPathEqualTo(POS + "/transactions")).willReturn(json(200, answer.replace("\"customer_confirmed\": false", "\"customer_confirmed\": true"))));
    FlexitiTransactionCall call =
        new FlexitiTransactionCall("43353", Money.of("1200.05", "CAD"), "5", 6, "246810", false, null, "en");

    FlexitiTerms terms = activities.postTransaction(call);
    activities.confirmTransaction(call.confirming(terms.transactionId()));

    assertThat(terms).isEqualTo(new FlexitiTerms("167639", "Equal Payments, No Interest", Money.of("1200.05", "CAD"),
        Money.of("49.99", "CAD"), Money.of("2328.88", "CAD"), Money.of("3528.93", "CAD")));
    flexiti.verify(postRequestedFor(urlEqualTo(POS + "/transactions?lang=en")).withRequestBody(equalToJson(
        "{\"customer_id\": \"43353\", \"amount\": 1200.05, \"plan_id\": \"5\", \"term\": 6, \"verification_code\": \"246810\","
            + " \"customer_confirmed\": false, \"hold_authorization\": false}")));
    flexiti.verify(putRequestedFor(urlEqualTo(POS + "/transactions?lang=en")).withRequestBody(equalToJson(
        "{\"customer_id\": \"43353\", \"amount\": 1200.05, \"plan_id\": \"5\", \"term\": 6, \"verification_code\": \"246810\","
            + " \"customer_confirmed\": true, \"hold_authorization\": false, \"transaction_id\": \"167639\"}")));
  }

  @Test
  void businessRefusalsAreFinalAndServerErrorsRetryable() {
    flexiti.stubFor(post(urlPathEqualTo(POS + "/transactions")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(409, "{\"code\": 409, \"error\": \"not_enough_credit\", \"error_description\": \"We're sorry, there doesn't seem to be enough credit for this purchase amount.\"}"))
        .willSetStateTo("down"));
    flexiti.stubFor(post(urlPathEqualTo(POS + "/transactions")).inScenario("t").whenScenarioStateIs("down")
        .willReturn(aResponse().withStatus(503)));
    FlexitiTransactionCall call = new FlexitiTransactionCall("43353", Money.of("10.00", "CAD"), null, null, "246810", false, null, "en");

    assertThatThrownBy(() -> activities.postTransaction(call)).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.getType()).isEqualTo("not_enough_credit");
      assertThat(f.isNonRetryable()).isTrue();
      assertThat(ProviderFailure.from(f).orElseThrow().message()).startsWith("We're sorry");
    });
    assertThatThrownBy(() -> activities.postTransaction(call)).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.getType()).isEqualTo("http_503");
      assertThat(f.isNonRetryable()).isFalse();
    });
  }

  @Test
  void aPostedTransactionIsFoundInTheCustomersPurchasesAndNoPurchasesMeansNotPosted() {
    flexiti.stubFor(get(POS + "/customers/43353/transactions").inScenario("l").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(200, "{\"transactions\": [{\"term\": \"3\", \"transaction_id\": \"167637\", \"transaction_status\": \"Posted\","
            + " \"transaction_balance\": \"1200.05\", \"plan_name\": \"EMP - No Interest\"}]}")).willSetStateTo("none"));
    flexiti.stubFor(get(POS + "/customers/43353/transactions").inScenario("l").whenScenarioStateIs("none")
        .willReturn(json(409, "{\"url\": \"x\", \"message\": \"<h1>There are no purchases available to return for this customer.</h1>\", \"error\": \"no_returns_found\"}")));

    assertThat(activities.isPosted("43353", "167637")).isTrue();
    assertThat(activities.isPosted("43353", "167637")).isFalse();
  }

  @Test
  void aReturnIsPostedAsATransactionOfTypeReturnAgainstThePurchase() {
    flexiti.stubFor(post(urlPathEqualTo(POS + "/transactions")).willReturn(json(200,
        "{\"transaction_id\": \"696952\", \"customer_name\": \"John\", \"total_amount\": \"120.05000\", \"verified\": true}")));

    String id = activities.postReturn(new org.financingorchestrator.workflows.flexiti.FlexitiReturnCall(
        "43353", "167637", Money.of("120.05", "CAD"), "en"));

    assertThat(id).isEqualTo("696952");
    flexiti.verify(postRequestedFor(urlEqualTo(POS + "/transactions?lang=en")).withRequestBody(equalToJson(
        "{\"transaction_type\": \"return\", \"customer_id\": \"43353\", \"amount\": 120.05, \"customer_confirmed\": true,"
            + " \"hold_authorization\": false, \"transaction_id\": \"167637\"}")));
  }

  @Test
  void anAmountThatIsNotOneIsAMalformedAnswer() {
    flexiti.stubFor(post(urlPathEqualTo(POS + "/transactions")).willReturn(json(200,
        "{\"transaction_id\": 1, \"payment_value\": \"12,00.5\", \"balance_after_purchase\": 1}")));
    FlexitiTransactionCall call = new FlexitiTransactionCall("43353", Money.of("10.00", "CAD"), null, null, "246810", false, null, "en");

    assertThatThrownBy(() -> activities.postTransaction(call))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo(ProviderFailure.MALFORMED_RESPONSE));
    assertThat(FlexitiAmount.parse("1,200.05")).isEqualByComparingTo("1200.05");
    assertThat(FlexitiAmount.parse("120.05000")).isEqualByComparingTo("120.05");
    assertThat(FlexitiAmount.parse("1,234,567.89")).isEqualByComparingTo("1234567.89");
    assertThat(FlexitiAmount.parse("1,2345.00")).isNull();
  }

  @Test
  void anApplicationSendsFlexitisFieldsAndKeepsNoCardNumberThenTheAccountCanBeClosed() {
    flexiti.stubFor(get(urlPathEqualTo(POS + "/terms-and-conditions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<div id='tcs'>QC</div>")));
    flexiti.stubFor(post(urlEqualTo(POS + "/apply")).willReturn(json(200,
        "{\"vcc_number\": 6374980100408234, \"account_number\": 20035156, \"customer_id\": 43353, \"available_credit\": 5000,"
            + " \"credit_limit\": \"5,000.00\", \"risk_rating\": \"L\", \"offer_types\": [{\"plan_name\": \"90 Days Grace\","
            + " \"plan_id\": \"1\", \"offer_category\": \"equal_billing\", \"term_options\": [\"12\", \"18\"]}], \"debt_ratio\": 0}")));
    flexiti.stubFor(post(urlEqualTo(POS + "/customers/close-account")).willReturn(json(200, "{}")));
    org.financingorchestrator.workflows.flexiti.FlexitiApplicant applicant = new org.financingorchestrator.workflows.flexiti.FlexitiApplicant(
        "mr", "John", null, "Doe", "1990-01-01", "5551231231", null, "123 Any Street", "Apt C", "Montreal", "QC", "A1A0H1",
        null, null, null, null, new java.math.BigDecimal("123123"), new java.math.BigDecimal("223123"), new java.math.BigDecimal("1000"),
        "Rent", "FE", "Baker", null, null, null, "8", "Horse", "Cloud");

    assertThat(activities.termsAndConditions("QC", "en")).isEqualTo("<div id='tcs'>QC</div>");
    org.financingorchestrator.workflows.flexiti.FlexitiAccount account =
        activities.apply(new org.financingorchestrator.workflows.flexiti.FlexitiApplyCall(Money.of("5000.00", "CAD"), applicant, "en", true));
    activities.closeAccount(account.accountNumber());

    assertThat(account.creditLimit()).isEqualTo(Money.of("5000.00", "CAD"));
    assertThat(account.debtRatio()).isEqualByComparingTo("0");
    assertThat(account.offers()).containsExactly(new FlexitiOffer("1", "90 Days Grace", List.of(12, 18)));
    assertThat(account.toString()).doesNotContain("6374980100408234");
    flexiti.verify(getRequestedFor(urlEqualTo(POS + "/terms-and-conditions?province=QC&lang=en")));
    flexiti.verify(postRequestedFor(urlEqualTo(POS + "/apply")).withRequestBody(equalToJson(
        "{\"amount_requested\": 5000.00, \"phone_number\": \"5551231231\", \"language\": \"en\", \"salutation\": \"mr\","
            + " \"first_name\": \"John\", \"last_name\": \"Doe\", \"dob\": \"1990-01-01\", \"address_1\": \"123 Any Street\","
            + " \"address_2\": \"Apt C\", \"city\": \"Montreal\", \"province\": \"QC\", \"postal_code\": \"A1A0H1\","
            + " \"personal_income\": 123123, \"household_income\": 223123, \"monthly_housing_expenses\": 1000, \"housing_type\": \"Rent\","
            + " \"occupation_id\": \"FE\", \"occupation_title\": \"Baker\", \"security_qid\": \"8\", \"security_answer\": \"Horse\","
            + " \"piw\": \"Cloud\", \"tos_agreement\": true}")));
    flexiti.verify(postRequestedFor(urlEqualTo(POS + "/customers/close-account")).withRequestBody(equalToJson("{\"account_number\": \"20035156\"}")));
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static final String LOOKUP =
      "{\"available_credit\": 5000, \"account_number\": 20035156, \"customer_id\": 43353, \"risk_rating\": \"L\"}";

  private void stubLookUp() {
    flexiti.stubFor(get(urlPathEqualTo(POS + "/customers/lookup")).willReturn(json(200, LOOKUP)));
  }

  private void stubToken(String grant, String access, String refresh, int expiresIn) {
    flexiti.stubFor(post("/oauth/token").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=" + grant))
        .willReturn(json(200, "{\"token_type\": \"bearer\", \"access_token\": \"" + access + "\", \"expires_in\": " + expiresIn
            + ", \"refresh_token\": \"" + refresh + "\"}")));
  }

  private void stubRefresh(String refreshToken, String access, String refresh) {
    flexiti.stubFor(post("/oauth/token").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("refresh_token=" + refreshToken))
        .willReturn(json(200, "{\"token_type\": \"bearer\", \"access_token\": \"" + access + "\", \"expires_in\": 1200, \"refresh_token\": \"" + refresh + "\"}")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }
}
