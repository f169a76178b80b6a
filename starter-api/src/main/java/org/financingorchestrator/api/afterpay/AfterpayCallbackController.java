package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.InvalidRequestException;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.afterpay.AfterpayShopperReturn;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Afterpay sends the shopper's browser back (our redirectConfirmUrl / redirectCancelUrl,
 * with orderToken and status appended). The flow decides, capturing first when the shopper
 * approved; the browser is then sent on to the merchant's own page.
 */
@RestController
@Tag(name = "Afterpay shopper return", description = "Browser redirects from Afterpay")
public class AfterpayCallbackController {

  private static final Pattern ORDER_TOKEN = Pattern.compile("[\\x21-\\x7E]{1,256}");

  private final AfterpayCheckoutClient flows;
  private final CallbackSignatures signatures;

  public AfterpayCallbackController(AfterpayCheckoutClient flows, CallbackSignatures signatures) {
    this.flows = flows;
    this.signatures = signatures;
  }

  @GetMapping({
    "/v1/callbacks/afterpay/{flowId}/" + AfterpayCheckoutClient.CONFIRM,
    "/v1/callbacks/afterpay/{flowId}/" + AfterpayCheckoutClient.CANCEL
  })
  @Operation(
      summary = "The shopper's return from Afterpay",
      description =
          "The URL Afterpay was given carries sig (the server's signature of the flow id); "
              + "Afterpay appends orderToken and status. Without a valid sig nothing reaches the "
              + "flow (400). The flow checks the token, captures when the "
              + "shopper approved (this can take a few minutes under retries), and the browser is "
              + "sent to the merchant's confirm or cancel page with 303 See Other.")
  @ApiResponse(responseCode = "303", description = "Go to the merchant's page (Location)")
  @ApiResponse(
      responseCode = "400",
      description = "Missing or invalid orderToken or status, no valid sig, or a token not this flow's")
  @ApiResponse(responseCode = "404", description = "No such flow")
  @ApiResponse(responseCode = "409", description = "The flow has finished (its state is in the answer)")
  @ApiResponse(responseCode = "504", description = "The flow did not answer in time; the browser may repeat it")
  public ResponseEntity<Void> shopperReturn(
      @Parameter(example = "afterpay-demo-merchantOrder-1234") @PathVariable String flowId,
      @Parameter(description = "Afterpay's order token") @RequestParam(required = false) String orderToken,
      @Parameter(description = "SUCCESS, CANCELLED or FAILURE") @RequestParam(required = false) String status,
      @Parameter(description = "This server's signature of the flow id, from the URL Afterpay was given")
          @RequestParam(name = CallbackSignatures.PARAMETER, required = false) String sig) {
    FlowIds.requireValid(flowId, AfterpayCheckoutWorkflow.PROVIDER);
    AfterpayShopperReturn shopperReturn = parse(orderToken, status);
    // Before anything reaches the flow: only a URL this server made speaks for the shopper.
    if (!signatures.verifies(flowId, sig)) {
      throw InvalidRequestException.of(CallbackSignatures.PARAMETER, "is missing or is not this flow's signature");
    }
    ShopperRedirect redirect = flows.shopperReturn(flowId, shopperReturn);
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create(redirect.location()))
        .cacheControl(CacheControl.noStore())
        // Our URL carries the order token; the merchant's page need not see it.
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private static AfterpayShopperReturn parse(String orderToken, String status) {
    List<FieldProblem> problems = new ArrayList<>();
    if (orderToken == null || orderToken.isEmpty()) {
      problems.add(new FieldProblem("orderToken", "is required"));
    } else if (!ORDER_TOKEN.matcher(orderToken).matches()) {
      problems.add(new FieldProblem("orderToken", "must be 1 to 256 printable characters"));
    }
    AfterpayShopperReturn.Status parsed = null;
    if (status == null || status.isEmpty()) {
      problems.add(new FieldProblem("status", "is required"));
    } else {
      parsed =
          Arrays.stream(AfterpayShopperReturn.Status.values())
              .filter(s -> s.name().equals(status))
              .findFirst()
              .orElse(null);
      if (parsed == null) {
        problems.add(
            new FieldProblem(
                "status", "must be one of " + Arrays.toString(AfterpayShopperReturn.Status.values())));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new AfterpayShopperReturn(orderToken, parsed);
  }
}
