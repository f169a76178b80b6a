package org.financingorchestrator.api.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowExecutionDescription;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutInput;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AfterpayCheckoutApiTest extends ApiTest {

  @Test
  void createsTheCheckoutAndAnswersTheOrderToken() {
    String reference = reference("order-");
    String flowId = "afterpay-shopa-" + reference;

    Http.Reply reply = http.post(Checkouts.PATH, Checkouts.body(reference));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.header("Location")).isEqualTo("/v1/flows/" + flowId);
    JsonNode created = reply.json();
    assertThat(created.path("flowId").asString()).isEqualTo(flowId);
    assertThat(created.path("provider").asString()).isEqualTo("afterpay");
    assertThat(created.path("status").asString()).isEqualTo("AWAITING_SHOPPER");
    assertThat(created.path("token").asString()).isEqualTo("tok-" + reference);
    assertThat(Instant.parse(created.path("expires").asString())).isAfter(Instant.now());
    assertThat(created.path("redirectCheckoutUrl").asString())
        .isEqualTo("http://localhost:8090/afterpay/checkout?token=tok-" + reference);

    WorkflowExecutionDescription flow = client.newUntypedWorkflowStub(flowId).describe();
    assertThat(flow.getWorkflowType()).isEqualTo("AfterpayCheckout");
    assertThat(flow.getTaskQueue()).isEqualTo("afterpay-checkouts");
    // What the Temporal UI shows: the flow in words, nothing of the shopper.
    assertThat(flow.getStaticSummary()).isEqualTo("Afterpay checkout · merchant shopa · order " + reference + " · 21.85 USD");
    assertThat(flow.getStaticDetails())
        .startsWith("**Afterpay checkout** for merchant `shopa`, order `" + reference + "`: **21.85 USD**")
        .contains("waits for the shopper to approve at Afterpay", "`GET /v1/flows/" + flowId + "`")
        .doesNotContain("Joe", "joe@example.com", "Queen St");

    AfterpayCheckoutInput input = startInput(flowId);
    assertThat(input.callbacks().confirmUrl())
        .isEqualTo("http://localhost:8080/v1/callbacks/afterpay/" + flowId + "/confirm?sig=" + signatures.sign(flowId));
    assertThat(input.callbacks().cancelUrl())
        .isEqualTo("http://localhost:8080/v1/callbacks/afterpay/" + flowId + "/cancel?sig=" + signatures.sign(flowId));
    assertThat(input.afterSaleWindow()).isEqualTo(Duration.ofDays(120));
    assertThat(input.request().merchantReference()).isEqualTo(reference);
    assertThat(input.request().totalAmount().toString()).isEqualTo("USD 21.85");
    assertThat(input.request().items()).hasSize(1);
    assertThat(input.request().items().get(0).lineTotal().toString()).isEqualTo("USD 10.00");
    assertThat(input.request().discounts().get(0).amount().toString()).isEqualTo("USD 1.00");
    assertThat(input.request().consumer().email()).isEqualTo("joe@example.com");
    assertThat(input.request().merchant().redirectConfirmUrl()).isEqualTo("https://www.merchant.com/confirm");
  }

  @Test
  void acceptsAmountsAsJsonNumbersAndLeavesOutOptionalParts() {
    String reference = reference("numbers-");
    ObjectNode body = Checkouts.body(reference);
    body.withObject("/totalAmount").put("amount", new BigDecimal("21.85"));
    body.withObject("/taxAmount").put("amount", 2.85);
    body.remove(List.of("billing", "shipping", "courier", "description"));

    Http.Reply reply = http.post(Checkouts.PATH, body);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(startInput("afterpay-shopa-" + reference).request().taxAmount().toString()).isEqualTo("USD 2.85");
  }

  @Test
  void theSameReferenceTwiceAttachesToTheSameFlow() {
    String reference = reference("twice-");

    Http.Reply first = http.post(Checkouts.PATH, Checkouts.body(reference));
    Http.Reply second = http.post(Checkouts.PATH, Checkouts.body(reference));

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(second.json().path("flowId").asString()).isEqualTo(first.json().path("flowId").asString());
    assertThat(second.json().path("token").asString()).isEqualTo(first.json().path("token").asString());
    assertThat(runsOf("afterpay-shopa-" + reference)).hasSize(1);
  }

  @Test
  void theSameReferenceForAnotherOrderIsAConflict() {
    String reference = reference("other-");
    assertThat(http.post(Checkouts.PATH, Checkouts.body(reference)).status()).isEqualTo(201);
    ObjectNode otherOrder = Checkouts.body(reference);
    otherOrder.withObject("/consumer").put("surname", "Someone-Else");

    Http.Reply reply = http.post(Checkouts.PATH, otherOrder);

    JsonNode problem = assertProblem(reply, 409);
    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("merchantReference");
    assertThat(problem.path("detail").asString()).contains("was used for another order");
    assertThat(runsOf("afterpay-shopa-" + reference)).hasSize(1);
    FlowStatus status = client.newUntypedWorkflowStub("afterpay-shopa-" + reference).query("status", FlowStatus.class);
    assertThat(status.steps()).filteredOn(step -> step.name().equals("order")).hasSize(1);
  }

  @Test
  void anOrderOutsideTheLimitsIsUnprocessable() {
    Http.Reply reply = http.post(Checkouts.PATH, Checkouts.body(reference(ScriptedAfterpayCheckoutWorkflow.OUTSIDE_LIMITS)));

    JsonNode problem = assertProblem(reply, 422);
    assertThat(problem.path("code").asString()).isEqualTo("amount_outside_limits");
    assertThat(problem.path("source").asString()).isEqualTo("orchestrator");
    assertThat(problem.path("detail").asString()).contains("outside");
  }

  @Test
  void anOrderAfterpayRefusesCarriesAfterpaysCodeAndMessage() {
    Http.Reply reply =
        http.post(Checkouts.PATH, Checkouts.body(reference(ScriptedAfterpayCheckoutWorkflow.AFTERPAY_REFUSES_ORDER)));

    JsonNode problem = assertProblem(reply, 422);
    assertThat(problem.path("code").asString()).isEqualTo("invalid_object");
    assertThat(problem.path("source").asString()).isEqualTo("afterpay");
    assertThat(problem.path("detail").asString()).isEqualTo("[totalAmount must be greater than 0.00]");
    assertThat(problem.path("providerHttpStatus").asInt()).isEqualTo(422);
    assertThat(problem.path("errorId").asString()).isEqualTo("cf5907fbf8fbc417");
  }

  @Test
  void afterpayUnreachableIsABadGateway() {
    Http.Reply reply = http.post(Checkouts.PATH, Checkouts.body(reference(ScriptedAfterpayCheckoutWorkflow.AFTERPAY_DOWN)));

    JsonNode problem = assertProblem(reply, 502);
    assertThat(problem.path("code").asString()).isEqualTo("provider_unreachable");
    assertThat(problem.path("source").asString()).isEqualTo("afterpay");
  }

  @Test
  void aFinishedFlowIsNeverStartedAgainAndItsStateIsAnswered() {
    String reference = reference(ScriptedAfterpayCheckoutWorkflow.EXPIRES);
    String flowId = "afterpay-shopa-" + reference;
    assertThat(http.post(Checkouts.PATH, Checkouts.body(reference)).status()).isEqualTo(201);
    client.newUntypedWorkflowStub(flowId).getResult(FlowStatus.class);

    Http.Reply reply = http.post(Checkouts.PATH, Checkouts.body(reference));

    JsonNode problem = assertProblem(reply, 409);
    assertThat(problem.path("state").asString()).isEqualTo("EXPIRED");
    assertThat(problem.path("flowId").asString()).isEqualTo(flowId);
    assertThat(problem.path("flow").path("state").asString()).isEqualTo("EXPIRED");
    assertThat(runsOf(flowId)).hasSize(1);
    assertThat(runsOf(flowId).get(0).getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  static Stream<Arguments> invalidCheckouts() {
    return Stream.of(
        invalid("merchantReference", b -> b.remove("merchantReference")),
        invalid("merchantReference", b -> b.put("merchantReference", "has space")),
        invalid("merchantReference", b -> b.put("merchantReference", "")),
        invalid("merchantReference", b -> b.put("merchantReference", "r".repeat(129))),
        invalid("totalAmount", b -> b.remove("totalAmount")),
        invalid("totalAmount.amount", b -> b.withObject("/totalAmount").put("amount", "abc")),
        invalid("totalAmount.amount", b -> b.withObject("/totalAmount").put("amount", "21.855")),
        invalid("totalAmount.amount", b -> b.withObject("/totalAmount").put("amount", 21.855)),
        invalid("totalAmount.amount", b -> zeroTotal(b)),
        invalid("totalAmount.amount", b -> b.withObject("/totalAmount").put("amount", "-21.85")),
        invalid("totalAmount.amount", b -> b.withObject("/totalAmount").remove("amount")),
        invalid("totalAmount.currency", b -> b.withObject("/totalAmount").put("currency", "AUD")),
        invalid("totalAmount.currency", b -> b.withObject("/totalAmount").put("currency", "dollars")),
        invalid("totalAmount", b -> b.put("totalAmount", "21.85")),
        invalid("consumer", b -> b.remove("consumer")),
        invalid("consumer.email", b -> b.withObject("/consumer").remove("email")),
        invalid("consumer.email", b -> b.withObject("/consumer").put("email", "not-an-email")),
        invalid("consumer.givenNames", b -> b.withObject("/consumer").put("givenNames", " ")),
        invalid("consumer.surname", b -> b.withObject("/consumer").remove("surname")),
        invalid("consumer.phoneNumber", b -> b.withObject("/consumer").put("phoneNumber", "1".repeat(33))),
        invalid("billing.name", b -> b.withObject("/billing").put("name", "n".repeat(256))),
        invalid("billing.line1", b -> b.withObject("/billing").remove("line1")),
        invalid("shipping.line1", b -> b.withObject("/shipping").put("line1", "l".repeat(129))),
        invalid("shipping.line2", b -> b.withObject("/shipping").put("line2", "l".repeat(129))),
        invalid("shipping.suburb", b -> b.withObject("/shipping").put("suburb", "s".repeat(129))),
        invalid("shipping.state", b -> b.withObject("/shipping").put("state", "s".repeat(129))),
        invalid("shipping.postcode", b -> b.withObject("/shipping").remove("postcode")),
        invalid("shipping.postcode", b -> b.withObject("/shipping").put("postcode", "1".repeat(129))),
        invalid("billing.phoneNumber", b -> b.withObject("/billing").put("phoneNumber", "1".repeat(33))),
        invalid("billing.countryCode", b -> b.withObject("/billing").put("countryCode", "USA")),
        invalid("items[0].price.amount", b -> item(b).withObject("/price").put("amount", "-1.00")),
        invalid("items[0].price.currency", b -> item(b).withObject("/price").put("currency", "EUR")),
        invalid("items[0].price", b -> item(b).remove("price")),
        invalid("items[0].quantity", b -> item(b).put("quantity", 0)),
        invalid("items[0].quantity", b -> item(b).put("quantity", "one")),
        invalid("items[0].name", b -> item(b).remove("name")),
        invalid("items[1]", b -> b.withArray("/items").addNull()),
        invalid("items", b -> b.put("items", "widget")),
        invalid("items", b -> b.withObject("/totalAmount").put("amount", "22.85")),
        invalid("discounts[0].amount.amount", b -> b.withObject("/discounts/0/amount").put("amount", "1.001")),
        invalid("discounts[0].displayName", b -> b.withObject("/discounts/0").remove("displayName")),
        invalid("taxAmount.amount", b -> b.withObject("/taxAmount").put("amount", "-0.01")),
        invalid("shippingAmount.currency", b -> b.withObject("/shippingAmount").put("currency", "CAD")),
        invalid("courier.priority", b -> b.withObject("/courier").put("priority", "FAST")),
        invalid("courier.shippedAt", b -> b.withObject("/courier").put("shippedAt", "yesterday")),
        invalid("description", b -> b.put("description", "d".repeat(1025))),
        invalid("merchant", b -> b.remove("merchant")),
        invalid("merchant.redirectConfirmUrl", b -> b.withObject("/merchant").put("redirectConfirmUrl", "ftp://merchant.com/ok")),
        invalid("merchant.redirectCancelUrl", b -> b.withObject("/merchant").put("redirectCancelUrl", "/cancel")),
        invalid("merchant.redirectConfirmUrl", b -> b.withObject("/merchant").put("redirectConfirmUrl", "https://m.example/#/ok")),
        invalid("merchant.redirectCancelUrl", b -> b.withObject("/merchant").remove("redirectCancelUrl")));
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("invalidCheckouts")
  void invalidCheckoutsAreRefusedNamingTheFieldAndStartNothing(String field, Consumer<ObjectNode> change) {
    String reference = reference("invalid-");
    ObjectNode body = Checkouts.body(reference);
    change.accept(body);
    int runsBefore = allRuns();

    Http.Reply reply = http.post(Checkouts.PATH, body);

    assertInvalid(reply, field);
    assertThat(allRuns()).isEqualTo(runsBefore);
    assertThat(runsOf("afterpay-shopa-" + reference)).isEmpty();
  }

  @Test
  void itemsThatDoNotAddUpNameBothFigures() {
    ObjectNode body = Checkouts.body(reference("sum-"));
    body.withObject("/totalAmount").put("amount", "22.85");

    JsonNode problem = assertInvalid(http.post(Checkouts.PATH, body), "items");

    assertThat(problem.path("errors").get(0).path("message").asString()).contains("USD 21.85").contains("USD 22.85");
  }

  @Test
  void everyInvalidFieldIsListedInOneAnswer() {
    ObjectNode body = Checkouts.body(reference("many-"));
    body.withObject("/consumer").put("email", "nope");
    body.withObject("/billing").remove("state");
    body.withObject("/merchant").put("redirectConfirmUrl", "nope");

    JsonNode problem = assertInvalid(http.post(Checkouts.PATH, body), "consumer.email");

    assertThat(problem.path("errors")).hasSize(3);
    assertThat(problem.path("errors").toString()).contains("billing.state", "merchant.redirectConfirmUrl");
  }

  @Test
  void malformedJsonIsABadRequestNotAServerError() {
    int runsBefore = allRuns();

    assertInvalid(http.post(Checkouts.PATH, "{\"merchantReference\": \"x\", "), "$");
    assertInvalid(http.post(Checkouts.PATH, "[]"), "$");
    assertInvalid(http.post(Checkouts.PATH, ""), "$");
    assertInvalid(http.post(Checkouts.PATH, "null"), "$");

    assertThat(allRuns()).isEqualTo(runsBefore);
  }

  @Test
  void otherContentTypesAreRefused() {
    Http.Reply reply =
        http.send(
            http.request(Checkouts.PATH)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Checkouts.body(reference("text-")).toString())));

    assertProblem(reply, 415);
  }


  private static ObjectNode item(ObjectNode body) {
    return body.withObject("/items/0");
  }

  private static void zeroTotal(ObjectNode body) {
    body.withObject("/totalAmount").put("amount", "0.00");
    body.remove(List.of("items", "discounts"));
  }

  private static Arguments invalid(String field, Consumer<ObjectNode> change) {
    return Arguments.of(field, change);
  }
}
