package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.financingorchestrator.api.stack.InProcessStack;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.financingorchestrator.workflows.afterpay.AfterpayCallbacks;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutDigest;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutInput;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutRequest;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayConsumer;
import org.financingorchestrator.workflows.afterpay.AfterpayContact;
import org.financingorchestrator.workflows.afterpay.AfterpayItem;
import org.financingorchestrator.workflows.afterpay.AfterpayMerchantRedirects;
import org.financingorchestrator.workflows.afterpay.AfterpayOrderCreated;
import org.financingorchestrator.workflows.afterpay.AfterpayShopperReturn;
import org.financingorchestrator.workflows.common.FlowId;
import org.financingorchestrator.workflows.common.FlowState;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.Money;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.financingorchestrator.workflows.common.codec.PayloadEncryptionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A merchant's own Java service on the {@code workflows} module as its contract, exactly as
 * {@code docs/operations/java-client.md} shows it: its own Temporal client (payloads encrypted with
 * the shared key), Update-with-Start of an Afterpay checkout, the shopper approving at Afterpay (the
 * sandbox), the shopper's return sent as the {@code shopperReturn} Update, and the status Query
 * answering CAPTURED. The worker and the sandbox run as in production; starter-api is not used.
 */
@RequiresLocalTools("temporal")
class JavaClientEndToEndTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  private static InProcessStack stack;
  private static WorkflowServiceStubs service;

  @BeforeAll
  static void startTheStack() {
    stack = InProcessStack.start("java-client");
  }

  @AfterAll
  static void stopTheStack() {
    if (service != null) {
      service.shutdownNow();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aMerchantsJavaClientStartsAnAfterpayCheckoutAndSeesItCaptured() throws Exception {
    // 1. The merchant's client: its payloads encrypted with the key the worker has.
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporal().target()).build());
    DataConverter encrypted =
        PayloadEncryptionSettings.dataConverter(
            PayloadEncryptionSettings.withKeys(TestPayloadKey.ID, Map.of(TestPayloadKey.ID, TestPayloadKey.KEY)).codecs());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").setDataConverter(encrypted).build());

    // 2. Update-with-Start: the flow starts and answers once Afterpay's order exists.
    String merchantId = "acme";
    AfterpayCheckoutRequest checkout = checkout("order-1001");
    String flowId = FlowId.of(AfterpayCheckoutWorkflow.PROVIDER, merchantId, checkout.merchantReference());
    AfterpayCheckoutWorkflow flow =
        client.newWorkflowStub(
            AfterpayCheckoutWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(flowId)
                .setTaskQueue(AfterpayCheckoutWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .setStaticSummary("Afterpay checkout · merchant acme · order order-1001 · 21.85 USD")
                .build());
    AfterpayCheckoutInput input =
        new AfterpayCheckoutInput(
            checkout,
            new AfterpayCallbacks("https://shop.example/afterpay/confirm", "https://shop.example/afterpay/cancel"),
            Duration.ofDays(120),
            merchantId);
    AfterpayOrderCreated order =
        WorkflowClient.executeUpdateWithStart(
            flow::orderCreated,
            AfterpayCheckoutDigest.of(checkout),
            UpdateOptions.<AfterpayOrderCreated>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
            new WithStartWorkflowOperation<>(flow::run, input));
    assertThat(order.state()).isEqualTo(FlowState.AWAITING_SHOPPER);

    // The shopper approves at Afterpay, which sends the browser to the merchant's confirm page
    // with the order token and a status.
    String back = approveAtAfterpay(order.token());
    assertThat(back).startsWith("https://shop.example/afterpay/confirm?").contains("orderToken=" + order.token(), "status=SUCCESS");

    // 3. The merchant's confirm page passes the return on: the flow captures, then answers where the browser goes.
    ShopperRedirect next = flow.shopperReturn(new AfterpayShopperReturn(order.token(), AfterpayShopperReturn.Status.SUCCESS));
    assertThat(next.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(next.location()).startsWith("https://shop.example/order/confirmed");

    // 4. The status Query.
    FlowStatus status = flow.status();
    assertThat(status.state()).isEqualTo(FlowState.CAPTURED);
    assertThat(status.merchantId()).isEqualTo("acme");
    assertThat(status.capturedAmount()).isEqualTo(Money.of("21.85", "USD"));
  }

  private static String approveAtAfterpay(String token) throws Exception {
    HttpResponse<String> approved =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + stack.sandboxPort() + "/afterpay/checkout/" + token + "/approve"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
    return approved.headers().firstValue("Location").orElseThrow();
  }

  /** The merchant's checkout, as its own service builds it from the workflows module's records. */
  private static AfterpayCheckoutRequest checkout(String merchantReference) {
    AfterpayContact address = new AfterpayContact("Joe Consumer", "75 Queen St", null, null, "New York", "10001", "US", "2120000000");
    return new AfterpayCheckoutRequest(
        merchantReference,
        Money.of("21.85", "USD"),
        new AfterpayConsumer("2120000000", "Joe", "Consumer", "joe@example.com"),
        address,
        address,
        null,
        "One widget",
        List.of(new AfterpayItem("widget", "12341234", 1, Money.of("10.00", "USD"))),
        List.of(),
        Money.of("1.85", "USD"),
        Money.of("10.00", "USD"),
        new AfterpayMerchantRedirects("https://shop.example/order/confirmed", "https://shop.example/cart"));
  }
}
