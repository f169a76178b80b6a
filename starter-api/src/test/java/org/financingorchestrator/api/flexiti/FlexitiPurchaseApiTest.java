package org.financingorchestrator.api.flexiti;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.Map;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.TestMerchants;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicationWorkflowImpl;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflowImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A Flexiti purchase through the merchant API, on the real workflow with scripted Flexiti activities. */
class FlexitiPurchaseApiTest extends ApiTest {

  private static WorkerFactory workers;

  @Autowired
  @Qualifier("temporalTestWorkflowEnvironment")
  TestWorkflowEnvironment environment;

  @BeforeEach
  void flexitiWorker() {
    startWorker(environment, client);
  }

  /** The real workflow upserts the flow's search attributes: the test server must know them. */
  private static synchronized void startWorker(TestWorkflowEnvironment environment, WorkflowClient client) {
    if (workers == null) {
      FlowSearchAttributes.DEFINITIONS.forEach(environment::registerSearchAttribute);
      workers = WorkerFactory.newInstance(client);
      Worker worker = workers.newWorker(FlexitiPurchaseWorkflow.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(FlexitiPurchaseWorkflowImpl.class, FlexitiApplicationWorkflowImpl.class,
          org.financingorchestrator.workflows.flexiti.FlexitiReturnWorkflowImpl.class);
      worker.registerActivitiesImplementations(new ScriptedFlexiti());
      workers.start();
    }
  }

  @AfterAll
  static void stopWorker() {
    if (workers != null) {
      workers.shutdownNow();
      workers = null;
    }
  }

  @Test
  void anSmsVerifiedPurchaseIsPostedOnceTheCustomerAccepts() {
    String reference = reference("till-");
    Http.Reply started = http.post("/v1/flexiti/purchases", purchase(reference));

    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String flowId = "flexiti-" + TestMerchants.A + "-" + reference;
    assertThat(started.header("Location")).isEqualTo("/v1/flows/" + flowId);
    assertThat(started.json().path("state").asString()).isEqualTo("AWAITING_VERIFICATION");
    assertThat(started.json().path("verificationAttemptsLeft").asInt()).isEqualTo(3);

    Http.Reply wrong = http.post("/v1/flows/" + flowId + "/verification-code", Map.of("code", "111111"));
    assertThat(wrong.json().path("state").asString()).isEqualTo("AWAITING_VERIFICATION");
    assertThat(wrong.json().path("verificationAttemptsLeft").asInt()).isEqualTo(2);

    Http.Reply shown = http.post("/v1/flows/" + flowId + "/verification-code", Map.of("code", ScriptedFlexiti.CODE));
    assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
    JsonNode terms = shown.json().path("terms");
    assertThat(shown.json().path("state").asString()).isEqualTo("AWAITING_SHOPPER");
    assertThat(terms.path("planName").asString()).isEqualTo("Equal Payments, No Interest");
    assertThat(terms.path("paymentValue").path("amount").asString()).isEqualTo("200.01");
    assertThat(terms.path("adminFee").path("amount").asString()).isEqualTo("49.99");
    assertThat(terms.path("balanceAfterPurchase").path("amount").asString()).isEqualTo("3799.94");

    Http.Reply posted = http.post("/v1/flows/" + flowId + "/customer-confirmation", Map.of("decision", "accept"));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
    assertThat(posted.json().path("state").asString()).isEqualTo("POSTED");
    assertThat(posted.json().path("transactionId").asString()).isEqualTo("167635");

    Http.Reply status = http.get("/v1/flows/" + flowId);
    assertThat(status.json().path("state").asString()).isEqualTo("POSTED");
    assertThat(status.body()).doesNotContain("6374980100408234").doesNotContain(ScriptedFlexiti.CODE).doesNotContain("111111");
  }

  @Test
  void clerkInputsTheFlowDoesNotWaitForAreConflictsAndAnotherMerchantsFlowIsNotFound() {
    String reference = reference("till-");
    http.post("/v1/flexiti/purchases", purchase(reference));
    String flowId = "flexiti-" + TestMerchants.A + "-" + reference;

    Http.Reply early = http.post("/v1/flows/" + flowId + "/customer-confirmation", Map.of("decision", "accept"));
    assertThat(early.status()).as(early.toString()).isEqualTo(409);

    Http.Reply foreign = http.withKey(TestMerchants.B_KEY).post("/v1/flows/" + flowId + "/verification-code", Map.of("code", "246810"));
    assertThat(foreign.status()).isEqualTo(404);

    Http.Reply badCode = http.post("/v1/flows/" + flowId + "/verification-code", Map.of("code", "12ab"));
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.body()).contains("code");
    assertThat(http.get("/v1/flows/" + flowId).json().path("state").asString()).isEqualTo("AWAITING_VERIFICATION");
  }

  @Test
  void aPurchaseThatNamesTheCustomerTwoWaysOrNotInDollarsIsRefusedAndNothingStarts() {
    String reference = reference("till-");
    Map<String, Object> body = purchase(reference);
    body.put("amount", Map.of("amount", "200.01", "currency", "USD"));
    body.put("customer", Map.of("vccNumber", "6374980100408234", "accountNumber", "20035156"));
    body.put("verification", Map.of("format", "security_question"));

    Http.Reply refused = http.post("/v1/flexiti/purchases", body);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("amount.currency").contains("\"customer\"").contains("\"verification\"");
    assertThat(refused.body()).doesNotContain("6374980100408234");
    assertThat(runsOf("flexiti-" + TestMerchants.A + "-" + reference)).isEmpty();
  }

  @Test
  void aQuebecApplicationShowsTheDebtRatioAndIsApprovedOnceTheApplicantAccepts() {
    String reference = reference("app-");
    Http.Reply applied = http.post("/v1/flexiti/applications", FlexitiApplications.quebec(reference));

    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    assertThat(applied.json().path("state").asString()).isEqualTo("AWAITING_SHOPPER");
    assertThat(new java.math.BigDecimal(applied.json().path("account").path("debtRatio").asString())).isEqualByComparingTo("0.20");
    String flowId = applied.json().path("flowId").asString();

    Http.Reply accepted = http.post("/v1/flows/" + flowId + "/applicant-decision", Map.of("decision", "accept"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().path("state").asString()).isEqualTo("APPROVED");
    assertThat(http.get("/v1/flows/" + flowId).body()).doesNotContain("123456789").doesNotContain("Horse").doesNotContain("Tremblay");
  }

  @Test
  void aReturnAgainstAPurchaseIsRefunded() {
    String reference = reference("return-");
    Http.Reply returned = http.post("/v1/flexiti/returns", Map.of(
        "merchantReference", reference, "customer", Map.of("vccNumber", "6374980100408234"), "transactionId", "167635",
        "amount", Map.of("amount", "50.00", "currency", "CAD")));

    assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
    assertThat(returned.json().path("state").asString()).isEqualTo("REFUNDED");
    assertThat(returned.json().path("returnTransactionId").asString()).isEqualTo("167640");
  }

  @Test
  void aQuebecApplicationWithoutHousingExpensesIsRefused() {
    Map<String, Object> body = FlexitiApplications.quebec(reference("app-"));
    @SuppressWarnings("unchecked")
    Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
    applicant.remove("monthlyHousingExpenses");

    Http.Reply refused = http.post("/v1/flexiti/applications", body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("applicant.monthlyHousingExpenses").doesNotContain("Horse");
  }

  private static Map<String, Object> purchase(String reference) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("merchantReference", reference);
    body.put("amount", Map.of("amount", "200.01", "currency", "CAD"));
    body.put("customer", Map.of("vccNumber", "6374980100408234"));
    body.put("verification", Map.of("format", "sms"));
    body.put("planId", "5");
    body.put("term", 6);
    body.put("language", "en");
    return body;
  }
}
