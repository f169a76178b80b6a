package org.financingorchestrator.api.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.financingorchestrator.api.ApiTest;
import org.financingorchestrator.api.Http;
import org.financingorchestrator.api.TestMerchants;
import org.financingorchestrator.api.afterpay.Checkouts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A flow belongs to the merchant that started it: to any other it does not exist. */
class MerchantFlowsApiTest extends ApiTest {

  private static final Map<String, Object> REFUND =
      Map.of("amount", Map.of("amount", "1.00", "currency", "USD"), "merchantReference", "RF-other");

  @Test
  void anotherMerchantsFlowIsNotFoundExactlyAsAnUnknownOne() {
    String reference = reference("owned-");
    Http.Reply created = http.post(Checkouts.PATH, Checkouts.body(reference));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String flowId = created.json().path("flowId").asString();
    assertThat(flowId).isEqualTo("afterpay-" + TestMerchants.A + "-" + reference);
    Http merchantB = http.withKey(TestMerchants.B_KEY);
    String unknown = "afterpay-" + TestMerchants.B + "-" + reference("nobody-");

    assertSameNotFound(merchantB.get("/v1/flows/" + flowId), merchantB.get("/v1/flows/" + unknown));
    assertSameNotFound(
        merchantB.post("/v1/flows/" + flowId + "/refunds", REFUND),
        merchantB.post("/v1/flows/" + unknown + "/refunds", REFUND));
    assertSameNotFound(
        merchantB.put("/v1/flows/" + flowId + "/courier", Map.of("name", "UPS")),
        merchantB.put("/v1/flows/" + unknown + "/courier", Map.of("name", "UPS")));
    // Nothing reached the flow: still merchant A's, untouched.
    JsonNode status = http.get("/v1/flows/" + flowId).json();
    assertThat(status.path("merchantId").asString()).isEqualTo(TestMerchants.A);
    assertThat(status.path("refunds")).isEmpty();
  }

  @Test
  void theSameReferenceForTwoMerchantsIsTwoFlows() {
    String reference = reference("shared-");
    Http.Reply a = http.post(Checkouts.PATH, Checkouts.body(reference));
    Http.Reply b = http.withKey(TestMerchants.B_KEY).post(Checkouts.PATH, Checkouts.body(reference));

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    assertThat(b.status()).as(b.toString()).isEqualTo(201);
    String flowA = a.json().path("flowId").asString();
    String flowB = b.json().path("flowId").asString();
    assertThat(flowA).isNotEqualTo(flowB);
    assertThat(runsOf(flowA)).hasSize(1);
    assertThat(runsOf(flowB)).hasSize(1);
    assertThat(startInput(flowA).merchantId()).isEqualTo(TestMerchants.A);
    assertThat(startInput(flowB).merchantId()).isEqualTo(TestMerchants.B);
  }

  /** Same status, same body but for the id each names: nothing tells "another's" from "none". */
  private static void assertSameNotFound(Http.Reply others, Http.Reply unknown) {
    assertProblem(others, 404);
    assertProblem(unknown, 404);
    assertThat(others.json().path("title")).isEqualTo(unknown.json().path("title"));
    assertThat(others.json().properties().stream().map(Map.Entry::getKey).toList())
        .isEqualTo(unknown.json().properties().stream().map(Map.Entry::getKey).toList());
  }

}
