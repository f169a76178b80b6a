package org.financingorchestrator.sandbox.afterpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.financingorchestrator.sandbox.SandboxHttp;
import org.financingorchestrator.sandbox.SandboxIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Get Payment by id and by token, and List Payments. */
class AfterpayPaymentLookupTest extends SandboxIntegrationTest {

  private AfterpayScenario afterpay;

  @BeforeEach
  void scenario() {
    afterpay = new AfterpayScenario(http);
  }

  @Test
  void findsAPaymentByIdAndByToken() {
    String token = afterpay.approvedOrder("");
    JsonNode captured = afterpay.capture(token).json();

    SandboxHttp.Answer byToken = http.afterpay("GET", "/v1/payments/token:" + token).send();
    SandboxHttp.Answer byId =
        http.afterpay("GET", "/v1/payments/" + captured.get("id").asString()).send();

    assertThat(byToken.status()).isEqualTo(200);
    assertThat(byToken.json()).isEqualTo(captured);
    assertThat(byId.json()).isEqualTo(captured);
  }

  @Test
  void unknownPaymentsAreNotFound() {
    String uncaptured = afterpay.approvedOrder("");

    assertAfterpayError(
        http.afterpay("GET", "/v1/payments/token:" + uncaptured).send(), 404, "not_found");
    assertAfterpayError(http.afterpay("GET", "/v1/payments/token:nosuch").send(), 404, "not_found");
    assertAfterpayError(http.afterpay("GET", "/v1/payments/99999999999").send(), 404, "not_found");
  }

  @Test
  void listsPaymentsNewestFirstWithFiltersAndPages() {
    String a = payment("ref-a", "30.00", "");
    clock.advance(Duration.ofMinutes(1));
    String b = payment("ref-b", "10.00", "");
    clock.advance(Duration.ofMinutes(1));
    String c = payment("ref-c", "20.00", "captureOutcome=DECLINED");

    JsonNode all = list("");
    assertThat(all.get("totalResults").asInt()).isEqualTo(3);
    assertThat(all.get("limit").asInt()).isEqualTo(20);
    assertThat(all.get("offset").asInt()).isEqualTo(0);
    assertThat(ids(all)).containsExactly(c, b, a);

    assertThat(ids(list("?ascending=true"))).containsExactly(a, b, c);
    assertThat(ids(list("?orderBy=amount&ascending=true"))).containsExactly(b, c, a);
    assertThat(ids(list("?statuses=DECLINED"))).containsExactly(c);
    assertThat(ids(list("?merchantReferences=ref-a&merchantReferences=ref-b")))
        .containsExactly(b, a);
    assertThat(ids(list("?ids=" + a))).containsExactly(a);
    assertThat(ids(list("?fromCreatedDate=2026-03-02T10:01:00Z"))).containsExactly(c, b);
    assertThat(ids(list("?toCreatedDate=2026-03-02T10:01:00Z"))).containsExactly(a);
    assertThat(ids(list("?toCreatedDate=2026-03-3"))).containsExactly(c, b, a);

    JsonNode page = list("?limit=1&offset=1");
    assertThat(page.get("totalResults").asInt()).isEqualTo(3);
    assertThat(page.get("limit").asInt()).isEqualTo(1);
    assertThat(page.get("offset").asInt()).isEqualTo(1);
    assertThat(ids(page)).containsExactly(b);
    assertThat(list("?limit=0").get("results")).isEmpty();
  }

  @Test
  void refusesBadListParameters() {
    SandboxHttp.Answer answer =
        http.afterpay("GET", "/v1/payments?limit=251&statuses=PENDING&orderBy=colour").send();

    assertAfterpayError(answer, 422, "invalid_object");
    assertThat(answer.text("/message"))
        .contains("limit must be a whole number between 0 and 250 (was 251)")
        .contains("statuses must be APPROVED or DECLINED")
        .contains("orderBy must be one of");
  }

  private String payment(String reference, String amount, String approval) {
    ObjectNode order = AfterpayScenario.order(amount);
    order.put("merchantReference", reference);
    String token = afterpay.createOrder(order);
    afterpay.shopper(token, "approve", approval);
    afterpay.capture(token);
    return http.afterpay("GET", "/v1/payments/token:" + token).send().text("/id");
  }

  private JsonNode list(String query) {
    SandboxHttp.Answer answer = http.afterpay("GET", "/v1/payments" + query).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> ids(JsonNode page) {
    return page.get("results").valueStream().map(p -> p.get("id").asString()).toList();
  }
}
