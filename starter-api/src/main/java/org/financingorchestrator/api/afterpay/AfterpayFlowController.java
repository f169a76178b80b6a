package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.RequestValidator;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Afterpay's own operation on a captured payment: courier updates. The flow id's prefix picks the
 * provider, so this path matches only Afterpay flows. Refunds are every provider's
 * ({@code RefundController}).
 */
@RestController
@Tag(name = "Afterpay")
public class AfterpayFlowController {

  private static final String AFTERPAY_FLOW = "/v1/flows/{flowId:afterpay-.*}";

  private final AfterpayCheckoutClient flows;
  private final RequestValidator validator;

  public AfterpayFlowController(AfterpayCheckoutClient flows, RequestValidator validator) {
    this.flows = flows;
    this.validator = validator;
  }

  @PutMapping(
      path = AFTERPAY_FLOW + "/courier",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Send shipping courier details to Afterpay",
      description = "For a captured payment; answers the flow's status after the update.")
  @ApiResponse(responseCode = "200", description = "Sent; the flow's status")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "404", description = "No such flow")
  @ApiResponse(responseCode = "409", description = "Not captured yet, or the flow has finished")
  @ApiResponse(responseCode = "422", description = "Afterpay refused (its code and message)")
  @ApiResponse(responseCode = "502", description = "Afterpay failed or could not be reached")
  public FlowStatus courier(
      @Parameter(example = "afterpay-merchantOrder-1234") @PathVariable String flowId,
      @RequestBody CourierBody body) {
    FlowIds.requireValid(flowId, AfterpayCheckoutWorkflow.PROVIDER);
    validator.check(body, "$", AfterpayRules::courier);
    return flows.updateCourier(flowId, body.toCourier());
  }
}
