package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.RequestValidator;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on a captured Afterpay payment. The flow id's prefix picks the provider, so these
 * paths match only Afterpay flows; other providers' packages map their own.
 */
@RestController
@Tag(name = "Afterpay")
public class AfterpayFlowController {

  private static final String AFTERPAY_FLOW = "/v1/flows/{flowId:afterpay-.*}";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final AfterpayFlows flows;
  private final RequestValidator validator;

  public AfterpayFlowController(AfterpayFlows flows, RequestValidator validator) {
    this.flows = flows;
    this.validator = validator;
  }

  @PostMapping(
      path = AFTERPAY_FLOW + "/refunds",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Refund an Afterpay payment",
      description =
          "Full or partial, never more than what is left. Needs the merchant's refund reference: "
              + "merchantReference, or an Idempotency-Key header when the body has none. The same "
              + "reference and amount again answers the same refund, never a second one.")
  @ApiResponse(responseCode = "201", description = "Refunded; the refund as Afterpay confirmed it")
  @ApiResponse(
      responseCode = "202",
      description =
          "Not settled yet (Afterpay did not answer in time); the flow keeps at it. Repeat the same "
              + "request, or read the flow (Location), for the outcome")
  @ApiResponse(responseCode = "400", description = "Invalid request, or no reference; errors name the fields")
  @ApiResponse(responseCode = "404", description = "No such flow")
  @ApiResponse(
      responseCode = "409",
      description = "Not captured yet, the flow has finished, or the reference was used for another amount")
  @ApiResponse(
      responseCode = "422",
      description = "Refused: more than what is left, or Afterpay refused (its code and message)")
  @ApiResponse(
      responseCode = "502",
      description = "Afterpay failed and definitely made no refund (code not_made): send it with a new reference")
  public ResponseEntity<?> refund(
      @Parameter(example = "afterpay-merchantOrder-1234") @PathVariable String flowId,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody AfterpayRefundBody body) {
    FlowIds.requireValid(flowId, AfterpayCheckoutWorkflow.PROVIDER);
    validator.check(body, "$", AfterpayRules::refund);
    RefundRequest refund = AfterpayRequests.refund(body, RefundReference.of(body.merchantReference(), idempotencyKey));
    URI flow = URI.create("/v1/flows/" + flowId);
    return flows.refund(flowId, refund)
        .<ResponseEntity<?>>map(record -> ResponseEntity.created(flow).body(record))
        .orElseGet(
            () ->
                ResponseEntity.accepted()
                    .location(flow)
                    .body(new RefundPending(flowId, refund.merchantReference(), refund.amount())));
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
