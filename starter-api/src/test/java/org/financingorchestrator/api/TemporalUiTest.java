package org.financingorchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.financingorchestrator.api.stack.RequiresLocalTools;
import org.financingorchestrator.api.stack.TemporalDevServer;
import org.financingorchestrator.api.stack.TemporalUiPage;
import org.financingorchestrator.api.stack.TemporalUiPage.Listing;
import org.financingorchestrator.workflows.common.FlowSearchAttributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operators find flows in the Temporal UI by the flows' search attributes. The real dev server of
 * the pinned CLI, two flows started with their attributes (no worker runs them: the list shows
 * executions, not progress), and the UI's list filtered by a query, in a real browser: the
 * captured flow shows, the declined one does not. {@code AfterpayCheckoutEndToEndTest} finds a
 * flow the whole stack captured the same way.
 */
@RequiresLocalTools({"temporal", "chromium"})
class TemporalUiTest {

  private static final Path OUT = Path.of("target/temporal-ui");
  private static final String CAPTURED = "afterpay-ui-captured-1";
  private static final String DECLINED = "afterpay-ui-declined-1";

  private static TemporalDevServer temporal;
  private static WorkflowServiceStubs service;
  private static TemporalUiPage page;

  @BeforeAll
  static void startTheDevServerWithTwoFlowsAndABrowser() throws IOException {
    temporal = TemporalDevServer.start("temporal-ui", true);
    service =
        WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    startFlow(client, CAPTURED, "CAPTURED");
    startFlow(client, DECLINED, "DECLINED");
    page = TemporalUiPage.open(TemporalUiPage.chromium().value().orElseThrow(), URI.create(temporal.uiUrl()), "default");
  }

  @AfterAll
  static void stopTheBrowserAndTheServer() {
    if (page != null) {
      page.close();
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void aQueryOnProviderAndStateListsTheCapturedFlowAndNotTheDeclinedOne() throws IOException {
    // First the declined flow where the query lets it show, so its absence below is the filter's.
    Listing provider = page.listShowing("FlowProvider = \"afterpay\"", DECLINED, OUT.resolve("afterpay.png"));
    assertThat(provider.workflowIds()).as(provider.url().toString()).contains(CAPTURED, DECLINED);

    Listing captured =
        page.listShowing(
            "FlowProvider = \"afterpay\" AND FlowState = \"CAPTURED\"", CAPTURED, OUT.resolve("afterpay-captured.png"));
    assertThat(captured.workflowIds()).as(captured.url().toString()).containsExactly(CAPTURED);
  }

  @Test
  void aFlowsPageShowsItsSummaryInWords() throws IOException {
    TemporalUiPage.Detail shown = page.userMetadataShowing(CAPTURED, summary(CAPTURED), OUT.resolve("afterpay-captured-summary.png"));
    assertThat(shown.input()).contains(summary(CAPTURED));
  }

  /** The summary starter-api gives a flow (FlowStaticText): the flow in words, nothing of the shopper. */
  private static String summary(String flowId) {
    return "Afterpay checkout · merchant demo · order " + flowId.substring("afterpay-".length()) + " · 21.85 USD";
  }

  /** A flow as the list sees it: an execution with the attributes a flow in that state carries. */
  private static void startFlow(WorkflowClient client, String flowId, String state) {
    SearchAttributes attributes =
        SearchAttributes.newBuilder()
            .set(FlowSearchAttributes.PROVIDER, "afterpay")
            .set(FlowSearchAttributes.STATE, state)
            .set(FlowSearchAttributes.MERCHANT_REFERENCE, flowId.substring("afterpay-".length()))
            .set(FlowSearchAttributes.AMOUNT_MINOR_UNITS, 2185L)
            .set(FlowSearchAttributes.CURRENCY, "USD")
            .build();
    client
        .newUntypedWorkflowStub(
            "TemporalUiTestFlow",
            WorkflowOptions.newBuilder()
                .setWorkflowId(flowId)
                .setTaskQueue("temporal-ui-test-no-worker")
                .setTypedSearchAttributes(attributes)
                .setStaticSummary(summary(flowId))
                .build())
        .start();
  }
}
