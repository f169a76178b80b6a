package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.JsonEndpoint;
import org.financingorchestrator.api.common.RequestValidator;
import org.financingorchestrator.api.merchants.CurrentMerchant;
import org.financingorchestrator.api.merchants.Merchant;
import org.financingorchestrator.api.merchants.MerchantRedirectRule;
import org.financingorchestrator.workflows.affirm.AffirmCapture;
import org.financingorchestrator.workflows.affirm.AffirmChargeUpdate;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Affirm's merchant endpoints: start a checkout; capture, void and update its charge. Status and
 * refunds are every provider's ({@code FlowController}, {@code RefundController}); the shopper's
 * return is {@link AffirmCallbackController}.
 */
@RestController
@Tag(name = "Affirm", description = "Affirm checkouts and their charge")
public class AffirmCheckoutController {

  /** The flow id's prefix picks the provider, so these paths match only Affirm flows. */
  private static final String AFFIRM_FLOW = "/v1/flows/{flowId:affirm-.*}";

  private final AffirmCheckoutClient flows;
  private final RequestValidator validator;
  private final MerchantRedirectRule redirects;

  public AffirmCheckoutController(AffirmCheckoutClient flows, RequestValidator validator, MerchantRedirectRule redirects) {
    this.flows = flows;
    this.validator = validator;
    this.redirects = redirects;
  }

  @JsonEndpoint(method = RequestMethod.POST, path = "/v1/affirm/checkouts")
  @Operation(
      summary = "Start an Affirm checkout",
      description =
          "Answers the checkout object for the merchant's page to hand to Affirm.js, its "
              + "user_confirmation_url and user_cancel_url this flow's signed callbacks. The order id is "
              + "the flow's key within the merchant: the same order again answers the same flow; another "
              + "order under the same id is 409.")
  @ApiResponse(responseCode = "201", description = "Flow started; Location is the flow")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(responseCode = "409", description = "Order id used for another order, or its flow has finished")
  @ApiResponse(responseCode = "503", description = "Temporal unreachable; repeat the same request")
  public ResponseEntity<AffirmCheckoutCreated> create(@RequestBody AffirmCheckoutBody body) {
    Merchant merchant = CurrentMerchant.get();
    validator.check(body, "$", b -> withRedirects(merchant, b, AffirmRules.checkout(b)));
    AffirmCheckoutCreated created = flows.start(merchant.id(), body);
    return ResponseEntity.created(URI.create("/v1/flows/" + created.flowId())).body(created);
  }

  private List<FieldProblem> withRedirects(Merchant merchant, AffirmCheckoutBody body, List<FieldProblem> problems) {
    if (body.merchant() == null) {
      return problems;
    }
    return redirects.withPages(
        merchant, "merchant.", body.merchant().redirectConfirmUrl(), body.merchant().redirectCancelUrl(), problems);
  }

  @JsonEndpoint(method = RequestMethod.POST, path = AFFIRM_FLOW + "/capture")
  @Operation(
      summary = "Capture the authorized charge",
      description = "Once; all of the authorization (no amount) or less, before it expires. The same request again answers the same capture.")
  @ApiResponse(responseCode = "200", description = "Captured; the flow's status")
  @ApiResponse(responseCode = "202", description = "Affirm has not answered yet; the flow keeps at it (Location)")
  @ApiResponse(responseCode = "409", description = "Not authorized, captured or voided already, or expired")
  @ApiResponse(responseCode = "422", description = "More than authorized, or Affirm refused (its code and message)")
  public ResponseEntity<FlowStatus> capture(
      @Parameter(example = "affirm-demo-JKLM4321") @PathVariable String flowId, @RequestBody AffirmCaptureBody body) {
    owned(flowId);
    validator.check(body, "$", AffirmRules::capture);
    AffirmCapture capture =
        new AffirmCapture(
            body.amount() == null ? null : body.amount().toMoney(), body.orderId(), body.shippingCarrier(),
            body.shippingConfirmation());
    return answer(flowId, flows.capture(flowId, capture));
  }

  @PostMapping(path = AFFIRM_FLOW + "/void", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Void the authorized charge", description = "Only before capture. Takes no body.")
  @ApiResponse(responseCode = "200", description = "Voided; the flow's status")
  @ApiResponse(responseCode = "202", description = "Affirm has not answered yet; the flow keeps at it (Location)")
  @ApiResponse(responseCode = "409", description = "Not authorized, or captured already")
  public ResponseEntity<FlowStatus> voidCharge(@Parameter(example = "affirm-demo-JKLM4321") @PathVariable String flowId) {
    owned(flowId);
    return answer(flowId, flows.voidCharge(flowId));
  }

  @JsonEndpoint(method = RequestMethod.POST, path = AFFIRM_FLOW + "/update")
  @Operation(summary = "Update the charge", description = "Its order id, shipping carrier and tracking number; after authorization.")
  @ApiResponse(responseCode = "200", description = "Updated; the flow's status")
  @ApiResponse(responseCode = "409", description = "No authorized or captured charge")
  public ResponseEntity<FlowStatus> update(
      @Parameter(example = "affirm-demo-JKLM4321") @PathVariable String flowId, @RequestBody AffirmUpdateBody body) {
    owned(flowId);
    validator.check(body, "$", AffirmRules::update);
    return answer(flowId, flows.update(flowId, new AffirmChargeUpdate(body.orderId(), body.shippingCarrier(), body.shippingConfirmation())));
  }

  private static void owned(String flowId) {
    FlowIds.requireOwned(flowId, AffirmCheckoutWorkflow.PROVIDER);
  }

  private static ResponseEntity<FlowStatus> answer(String flowId, Optional<FlowStatus> status) {
    return status
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.accepted().location(URI.create("/v1/flows/" + flowId)).build());
  }
}
