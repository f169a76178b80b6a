package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.financingorchestrator.api.stack.StackHttp.get;
import static org.financingorchestrator.api.stack.StackHttp.location;
import static org.financingorchestrator.api.stack.StackHttp.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowExecutionMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ListAssert;
import org.awaitility.Awaitility;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's queries of {@code docs/operations/ui-queries.md}, each run as written there
 * (braces filled relative to the flows' own times) against the real dev server's visibility, on
 * flows started through the whole stack: starter-api over HTTP, the worker, the sandbox and its
 * fault controls. And what the UI shows of a flow in words (summary, details, current details,
 * activity summaries), as DescribeWorkflowExecution, the metadata Query and the history give it.
 */
@RequiresLocalTools("temporal")
class UiQueriesEndToEndTest {

  private static final Path QUERIES = Path.of("..", "docs", "operations", "ui-queries.md");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private static final String MERCHANT = "demo";

  private static InProcessStack stack;
  private static WorkflowClient client;
  private static Map<String, String> queries;
  private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  static void startTheStack() throws IOException {
    queries = queries(Files.readString(QUERIES));
    // Short, so that a refund Afterpay does not answer is answered 202 (pending) quickly.
    stack = InProcessStack.start("ui-queries", "--flows.afterpay.operation-wait=PT5S");
    client = stack.api().getBean(WorkflowClient.class);
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @AfterEach
  void disarmFaults() throws Exception {
    send(HttpRequest.newBuilder(sandbox("/sandbox/faults")).DELETE().build());
  }

  @Test
  void everyQueryOfTheDocumentIsCheckedHere() {
    assertThat(queries)
        .containsOnlyKeys(
            "declined-today", "waiting-on-shopper", "captures-retried", "refunds-not-settled", "affirm-not-captured",
            "one-reference");
  }

  @Test
  void afterpayCheckoutsOfAMerchantDeclinedToday() throws Exception {
    String declined = afterpayCheckout("q-declined");
    approveAndReturn(token(declined), "?captureOutcome=DECLINED");
    String captured = capturedAfterpayCheckout("q-not-declined");
    awaitState(declined, "DECLINED");

    Instant startOfToday = started(declined).truncatedTo(ChronoUnit.DAYS);
    assertThatQuery("declined-today", Map.of("merchant", MERCHANT, "startOfToday", startOfToday.toString()), found ->
        found.contains(declined).doesNotContain(captured));
  }

  @Test
  void flowsWaitingOnTheShopperForOverAnHour() throws Exception {
    String earlier = afterpayCheckout("q-waiting-earlier");
    String later = afterpayCheckout("q-waiting-later");
    OffsetDateTime earlierSince = waitingSince(earlier, "shopper");
    OffsetDateTime laterSince = waitingSince(later, "shopper");
    assertThat(earlierSince).isBefore(laterSince);

    // "An hour ago" is, for this check, the instant the later flow began to wait: only the earlier one waited longer.
    assertThatQuery("waiting-on-shopper", Map.of("anHourAgo", laterSince.toInstant().toString()), found ->
        found.contains(earlier).doesNotContain(later));
  }

  @Test
  void capturesRetriedMoreThanThreeTimes() throws Exception {
    String once = capturedAfterpayCheckout("q-captured-at-once");
    // Afterpay answers the next four captures 503: the fifth attempt (the fourth retry) captures.
    arm("{\"provider\":\"afterpay\",\"operation\":\"capture\",\"status\":503,\"errorCode\":\"service_unavailable\",\"count\":4}");
    String retried = capturedAfterpayCheckout("q-captured-after-retries");

    assertThat(search(retried).get(FlowSearchAttributes.CALLS_RETRIED)).containsExactly("AfterpayCapture");
    assertThat(search(retried).get(FlowSearchAttributes.CALL_RETRIES)).isEqualTo(4L);
    assertThatQuery("captures-retried", Map.of(), found -> found.contains(retried).doesNotContain(once));
  }

  @Test
  void refundsNotSettled() throws Exception {
    String settled = capturedAfterpayCheckout("q-refund-settled");
    assertThat(refund(settled, "RF-SETTLED").statusCode()).isEqualTo(201);
    String unsettled = capturedAfterpayCheckout("q-refund-unsettled");
    arm("{\"provider\":\"afterpay\",\"operation\":\"refund\",\"status\":503,\"errorCode\":\"service_unavailable\",\"count\":1000}");

    // Afterpay keeps answering 503: the refund is retried with its key, and pending meanwhile.
    assertThat(refund(unsettled, "RF-UNSETTLED").statusCode()).isEqualTo(202);
    assertThatQuery("refunds-not-settled", Map.of(), found -> found.contains(unsettled).doesNotContain(settled));
  }

  @Test
  void affirmAuthorizationsNotCapturedAfterSevenDays() throws Exception {
    String authorized = authorizedAffirmCheckout("q-authorized");
    OffsetDateTime since = waitingSince(authorized, "merchant");

    // Seven days ago, for this check: a moment after the authorization, then the very instant (not "over").
    assertThatQuery("affirm-not-captured", Map.of("sevenDaysAgo", since.plusNanos(1_000_000).toInstant().toString()), found ->
        found.contains(authorized));
    assertThatQuery("affirm-not-captured", Map.of("sevenDaysAgo", since.toInstant().toString()), found ->
        found.doesNotContain(authorized));
  }

  @Test
  void theFlowsOfOneMerchantReference() throws Exception {
    String afterpay = afterpayCheckout("q-one-reference");
    String affirm = affirmCheckout("q-one-reference").get("flowId").asText();
    String other = afterpayCheckout("q-another-reference");

    assertThatQuery("one-reference", Map.of("merchant", MERCHANT, "reference", "q-one-reference"), found ->
        found.containsExactlyInAnyOrder(afterpay, affirm).doesNotContain(other));
  }

  @Test
  void theUiShowsAFlowAndItsStepsInWords() throws Exception {
    String waiting = afterpayCheckout("q-words-waiting");
    String captured = capturedAfterpayCheckout("q-words-1001");

    WorkflowExecutionDescription flow = client.newUntypedWorkflowStub(captured).describe();
    assertThat(flow.getStaticSummary()).isEqualTo("Afterpay checkout · merchant demo · order q-words-1001 · 21.85 USD");
    assertThat(flow.getStaticDetails())
        .startsWith("**Afterpay checkout** for merchant `demo`, order `q-words-1001`: **21.85 USD**")
        .doesNotContain("Joe", "joe@example.com", "Queen St");
    assertThat(currentDetails(captured)).startsWith("CAPTURED at Afterpay; nothing awaited since ").endsWith(" UTC");
    assertThat(currentDetails(waiting)).matches("Waiting for the shopper at Afterpay since \\d\\d:\\d\\d UTC");
    assertThat(activitySummaries(captured))
        .containsSubsequence("create the order for 21.85 USD at Afterpay", "capture 21.85 USD at Afterpay");
  }

  // --- the queries, as the document writes them -------------------------------------------------

  /** The queries table of the document: name to query, in its order. */
  static Map<String, String> queries(String document) {
    Map<String, String> found = new LinkedHashMap<>();
    String section = document.substring(document.indexOf("## The queries"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    for (String line : section.split("\n")) {
      String[] cells = line.split("\\|");
      if (cells.length >= 4 && cells[1].trim().startsWith("`")) {
        found.put(unquoted(cells[1]), unquoted(cells[3]));
      }
    }
    return found;
  }

  private static String unquoted(String cell) {
    String trimmed = cell.trim();
    return trimmed.substring(1, trimmed.length() - 1);
  }

  /** Runs the named query with its braces filled until what it finds satisfies {@code expectation}. */
  private static void assertThatQuery(String name, Map<String, String> values, Consumer<ListAssert<String>> expectation) {
    String query = queries.get(name);
    for (Map.Entry<String, String> value : values.entrySet()) {
      query = query.replace("{" + value.getKey() + "}", value.getValue());
    }
    assertThat(query).as(name).doesNotContain("{");
    String filled = query;
    // Visibility follows the history a moment later.
    Awaitility.await(name)
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> expectation.accept(assertThat(client.listExecutions(filled).map(WorkflowExecutionMetadata::getExecution).map(e -> e.getWorkflowId()).toList()).as(filled)));
  }

  // --- flows through the stack ----------------------------------------------------------------------

  private static String afterpayCheckout(String reference) throws Exception {
    HttpResponse<String> created = post(api("/v1/afterpay/checkouts"), afterpayBody(reference));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode order = JSON.readTree(created.body());
    TOKENS.put(order.get("flowId").asText(), order.get("token").asText());
    return order.get("flowId").asText();
  }

  private static String capturedAfterpayCheckout(String reference) throws Exception {
    String flowId = afterpayCheckout(reference);
    approveAndReturn(token(flowId), "");
    awaitState(flowId, "CAPTURED");
    return flowId;
  }

  /** The shopper decides at Afterpay ({@code query} scripts it) and the browser comes back to our callback. */
  private static void approveAndReturn(String token, String query) throws Exception {
    HttpResponse<String> approved = post(sandbox("/afterpay/checkout/" + token + "/approve" + query), null);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
    get(URI.create(location(approved)));
  }

  /** The order token the start answered (the merchant's page sends the shopper to Afterpay with it). */
  private static String token(String flowId) {
    return TOKENS.get(flowId);
  }

  private static HttpResponse<String> refund(String flowId, String reference) throws Exception {
    return post(
        api("/v1/flows/" + flowId + "/refunds"),
        "{\"amount\":{\"amount\":\"5.00\",\"currency\":\"USD\"},\"merchantReference\":\"" + reference + "\"}");
  }

  private static JsonNode affirmCheckout(String orderId) throws Exception {
    HttpResponse<String> created = post(api("/v1/affirm/checkouts"), affirmBody(orderId));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  /** Opened at Affirm, confirmed by the shopper, the token posted back: authorized, waiting for the merchant. */
  private static String authorizedAffirmCheckout(String orderId) throws Exception {
    JsonNode started = affirmCheckout(orderId);
    HttpResponse<String> opened = post(sandbox("/affirm/js/checkout"), started.get("checkout").toString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String checkoutId = JSON.readTree(opened.body()).get("checkout_id").asText();
    JsonNode confirmed =
        JSON.readTree(
            send(HttpRequest.newBuilder(sandbox("/affirm/checkout/" + checkoutId + "/confirm"))
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
                .body());
    send(HttpRequest.newBuilder(URI.create(confirmed.get("user_confirmation_url").asText()))
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            "checkout_token=" + URLEncoder.encode(confirmed.get("checkout_token").asText(), StandardCharsets.UTF_8)))
        .build());
    String flowId = started.get("flowId").asText();
    awaitState(flowId, "AUTHORIZED");
    return flowId;
  }

  private static void arm(String fault) throws Exception {
    HttpResponse<String> armed = post(sandbox("/sandbox/faults"), fault);
    assertThat(armed.statusCode()).as(armed.body()).isEqualTo(201);
  }

  // --- what the server holds ----------------------------------------------------------------------

  private static JsonNode status(String flowId) throws Exception {
    HttpResponse<String> status = get(api("/v1/flows/" + flowId));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    return JSON.readTree(status.body());
  }

  private static void awaitState(String flowId, String state) {
    Awaitility.await(flowId + " " + state)
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(() -> assertThat(status(flowId).get("state").asText()).isEqualTo(state));
  }

  private static io.temporal.common.SearchAttributes search(String flowId) {
    return client.newUntypedWorkflowStub(flowId).describe().getTypedSearchAttributes();
  }

  private static Instant started(String flowId) {
    return client.newUntypedWorkflowStub(flowId).describe().getStartTime();
  }

  private static OffsetDateTime waitingSince(String flowId, String party) {
    io.temporal.common.SearchAttributes attributes = search(flowId);
    assertThat(attributes.get(FlowSearchAttributes.WAITING_ON)).isEqualTo(party);
    return attributes.get(FlowSearchAttributes.WAITING_SINCE);
  }

  /** What the UI's workflow page shows as current details: the SDK's metadata Query. */
  private static String currentDetails(String flowId) {
    return client.newUntypedWorkflowStub(flowId).query("__temporal_workflow_metadata", WorkflowMetadata.class).getCurrentDetails();
  }

  private static List<String> activitySummaries(String flowId) {
    return client.fetchHistory(flowId).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .filter(event -> event.getUserMetadata().hasSummary())
        .map(event -> decode(event.getUserMetadata().getSummary()))
        .toList();
  }

  private static String decode(Payload payload) {
    return client.getOptions().getDataConverter().fromPayload(payload, String.class, String.class);
  }

  private static URI api(String path) {
    return URI.create("http://localhost:" + stack.apiPort() + path);
  }

  private static URI sandbox(String path) {
    return URI.create("http://localhost:" + stack.sandboxPort() + path);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String afterpayBody(String reference) {
    return """
        {"merchantReference": "REFERENCE", "totalAmount": {"amount": "21.85", "currency": "USD"},
         "consumer": {"phoneNumber": "2120000000", "givenNames": "Joe", "surname": "Consumer", "email": "joe@example.com"},
         "shipping": {"name": "Joe Consumer", "line1": "75 Queen St", "state": "NY", "postcode": "10001", "countryCode": "US"},
         "items": [{"name": "widget", "sku": "12341234", "quantity": 1, "price": {"amount": "10.00", "currency": "USD"}}],
         "discounts": [{"displayName": "10% Off Subtotal", "amount": {"amount": "1.00", "currency": "USD"}}],
         "taxAmount": {"amount": "2.85", "currency": "USD"}, "shippingAmount": {"amount": "10.00", "currency": "USD"},
         "merchant": {"redirectConfirmUrl": "https://shop.example/confirm", "redirectCancelUrl": "https://shop.example/cancel"}}
        """.replace("REFERENCE", reference);
  }

  private static String affirmBody(String orderId) {
    return """
        {"orderId": "%s", "total": {"amount": "61.00", "currency": "USD"},
         "items": [{"displayName": "Sweater", "sku": "sweater-a92123", "unitPrice": {"amount": "50.00", "currency": "USD"}, "qty": 1}],
         "shipping": {"name": "John Doe", "line1": "325 Pacific Ave", "city": "San Francisco", "state": "CA", "zipcode": "94112", "country": "USA"},
         "taxAmount": {"amount": "7.00", "currency": "USD"}, "shippingAmount": {"amount": "4.00", "currency": "USD"},
         "merchant": {"redirectConfirmUrl": "https://shop.example/confirm", "redirectCancelUrl": "https://shop.example/cancel"}}
        """.formatted(orderId);
  }
}
