package org.financingorchestrator.api.common;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Any provider's flow, as the merchant follows it. */
@RestController
@Tag(name = "Flows", description = "Status of any provider's flow")
public class FlowController {

  private final FlowStatusReader statusReader;

  public FlowController(FlowStatusReader statusReader) {
    this.statusReader = statusReader;
  }

  @GetMapping(path = "/v1/flows/{flowId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Status of a flow",
      description =
          "State, amounts, the provider's ids, refunds, the last failure and the steps taken. "
              + "No personal data. Any flow that exists answers, also while no worker runs it: "
              + "then with the status it last recorded (source last-recorded).")
  @ApiResponse(
      responseCode = "200",
      description =
          "The flow's status. source says where it comes from: workflow, the flow answered just "
              + "now; last-recorded, the flow did not answer in time (no worker runs it now) and "
              + "this is what it recorded at its last state change, with only that step.")
  @ApiResponse(responseCode = "400", description = "The id cannot be a flow id")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(responseCode = "404", description = "No such flow of this merchant")
  @ApiResponse(responseCode = "503", description = "Temporal itself unreachable; repeat later")
  public FlowStatusAnswer status(
      @Parameter(description = "<provider>-<merchantId>-<merchantReference>", example = "afterpay-demo-order-1234")
          @PathVariable String flowId) {
    return statusReader.get(FlowIds.requireOwned(flowId)).forMerchant();
  }
}
