package org.financingorchestrator.api.affirm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.regex.Pattern;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.InvalidRequestException;
import org.financingorchestrator.workflows.affirm.AffirmCheckoutWorkflow;
import org.financingorchestrator.workflows.common.ShopperRedirect;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Affirm sends the shopper's browser back: user_confirmation_url, to which Affirm posts
 * checkout_token as a form field (or appends it, when the checkout said GET), and
 * user_cancel_url. The flow authorizes and decides; the browser is then sent on with 303.
 */
@RestController
@Tag(name = "Affirm shopper return", description = "Browser returns from Affirm")
public class AffirmCallbackController {

  private static final Pattern CHECKOUT_TOKEN = Pattern.compile("[\\x21-\\x7E]{1,256}");

  private final AffirmCheckoutClient flows;
  private final CallbackSignatures signatures;

  public AffirmCallbackController(AffirmCheckoutClient flows, CallbackSignatures signatures) {
    this.flows = flows;
    this.signatures = signatures;
  }

  @RequestMapping(
      path = "/v1/callbacks/affirm/{flowId}/" + AffirmCheckoutClient.CONFIRM,
      method = {RequestMethod.POST, RequestMethod.GET})
  @Operation(
      summary = "The shopper confirmed at Affirm",
      description =
          "Affirm posts checkout_token (application/x-www-form-urlencoded) to the URL it was given, "
              + "which carries sig. Without a valid sig nothing reaches the flow (400). The flow "
              + "authorizes the charge and the browser goes, with 303, to the merchant's confirm page "
              + "(authorized) or payment-method page (reason and Affirm's message). A repeat answers the same.")
  @ApiResponse(responseCode = "303", description = "Go to the merchant's page (Location)")
  @ApiResponse(responseCode = "400", description = "No or invalid checkout_token, or no valid sig")
  @ApiResponse(responseCode = "404", description = "No such flow")
  public ResponseEntity<Void> confirm(
      @Parameter(example = "affirm-demo-JKLM4321") @PathVariable String flowId,
      @Parameter(description = "Affirm's checkout token") @RequestParam(name = "checkout_token", required = false)
          String checkoutToken,
      @Parameter(description = "This server's signature of the flow id")
          @RequestParam(name = CallbackSignatures.PARAMETER, required = false) String sig) {
    FlowIds.requireValid(flowId, AffirmCheckoutWorkflow.PROVIDER);
    if (checkoutToken == null || !CHECKOUT_TOKEN.matcher(checkoutToken).matches()) {
      throw InvalidRequestException.of("checkout_token", "is required: 1 to 256 printable characters");
    }
    requireSigned(flowId, sig);
    return seeOther(flows.confirm(flowId, checkoutToken));
  }

  @RequestMapping(
      path = "/v1/callbacks/affirm/{flowId}/" + AffirmCheckoutClient.CANCEL,
      method = {RequestMethod.GET, RequestMethod.POST})
  @Operation(
      summary = "The shopper cancelled at Affirm",
      description = "The flow ends CANCELLED and the browser goes to the merchant's payment-method page (303).")
  @ApiResponse(responseCode = "303", description = "Go to the merchant's page (Location)")
  @ApiResponse(responseCode = "400", description = "No valid sig")
  @ApiResponse(responseCode = "404", description = "No such flow")
  public ResponseEntity<Void> cancel(
      @Parameter(example = "affirm-demo-JKLM4321") @PathVariable String flowId,
      @RequestParam(name = CallbackSignatures.PARAMETER, required = false) String sig) {
    FlowIds.requireValid(flowId, AffirmCheckoutWorkflow.PROVIDER);
    requireSigned(flowId, sig);
    return seeOther(flows.cancel(flowId));
  }

  /** Before anything reaches the flow: only a URL this server made speaks for the shopper. */
  private void requireSigned(String flowId, String sig) {
    if (!signatures.verifies(flowId, sig)) {
      throw InvalidRequestException.of(CallbackSignatures.PARAMETER, "is missing or is not this flow's signature");
    }
  }

  private static ResponseEntity<Void> seeOther(ShopperRedirect redirect) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create(redirect.location()))
        .cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
