package org.financingorchestrator.api.afterpay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.JsonEndpoint;
import org.financingorchestrator.api.common.RequestValidator;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.merchants.CurrentMerchant;
import org.financingorchestrator.api.merchants.Merchant;
import org.financingorchestrator.api.merchants.MerchantRedirectRule;
import org.financingorchestrator.workflows.afterpay.AfterpayCheckoutWorkflow;
import org.financingorchestrator.workflows.common.FlowStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Afterpay's merchant endpoints: start a checkout, and send courier details for its captured
 * payment. Status and refunds are every provider's ({@code FlowController}, {@code RefundController});
 * the shopper's return is {@code AfterpayCallbackController}.
 */
@RestController
@Tag(name = "Afterpay", description = "Afterpay checkouts and courier updates")
public class AfterpayCheckoutController {

  /** The flow id's prefix picks the provider, so this path matches only Afterpay flows. */
  private static final String AFTERPAY_FLOW = "/v1/flows/{flowId:afterpay-.*}";

  static final String EXAMPLE =
      """
      {
        "merchantReference": "merchantOrder-1234",
        "totalAmount": {"amount": "21.85", "currency": "USD"},
        "consumer": {"phoneNumber": "2120000000", "givenNames": "Joe", "surname": "Consumer",
                     "email": "joe@example.com"},
        "billing": {"name": "Joe Consumer", "line1": "75 Queen St", "state": "NY",
                    "postcode": "10001", "countryCode": "US", "phoneNumber": "2120000000"},
        "shipping": {"name": "Joe Consumer", "line1": "75 Queen St", "state": "NY",
                     "postcode": "10001", "countryCode": "US", "phoneNumber": "2120000000"},
        "items": [{"name": "widget", "sku": "12341234", "quantity": 1,
                   "price": {"amount": "10.00", "currency": "USD"}}],
        "discounts": [{"displayName": "10% Off Subtotal",
                       "amount": {"amount": "1.00", "currency": "USD"}}],
        "taxAmount": {"amount": "2.85", "currency": "USD"},
        "shippingAmount": {"amount": "10.00", "currency": "USD"},
        "merchant": {"redirectConfirmUrl": "https://www.merchant.com/confirm",
                     "redirectCancelUrl": "https://www.merchant.com/cancel"}
      }
      """;

  private final AfterpayCheckoutClient flows;
  private final RequestValidator validator;
  private final MerchantRedirectRule redirects;

  public AfterpayCheckoutController(
      AfterpayCheckoutClient flows, RequestValidator validator, MerchantRedirectRule redirects) {
    this.flows = flows;
    this.validator = validator;
    this.redirects = redirects;
  }

  @JsonEndpoint(method = RequestMethod.POST, path = "/v1/afterpay/checkouts")
  @Operation(
      summary = "Start an Afterpay checkout",
      description =
          "Creates the Afterpay order and answers its token once it exists. The merchant reference "
              + "is the flow's key, within the merchant whose API key calls: the same reference again answers the same flow and token; a "
              + "finished flow is never started again (409 with its state).",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      examples = @ExampleObject(name = "Afterpay's example order", value = EXAMPLE))))
  @ApiResponse(responseCode = "201", description = "Order created; Location is the flow")
  @ApiResponse(
      responseCode = "400",
      description =
          "Invalid request; errors name the fields (also a redirect URL that is not https on one of "
              + "the merchant's redirect hosts)")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(
      responseCode = "409",
      description = "Reference used for another order, or its flow has finished")
  @ApiResponse(
      responseCode = "422",
      description = "The order could not be created (code, source and the provider's message)")
  @ApiResponse(responseCode = "502", description = "Afterpay failed or could not be reached")
  @ApiResponse(responseCode = "503", description = "Temporal unreachable; repeat the same request")
  @ApiResponse(responseCode = "504", description = "No order yet; repeat the same request")
  public ResponseEntity<CheckoutCreated> create(@RequestBody AfterpayCheckoutBody body) {
    Merchant merchant = CurrentMerchant.get();
    validator.check(body, "$", b -> withRedirects(merchant, b, AfterpayRules.checkout(b)));
    CheckoutCreated created = flows.start(merchant.id(), AfterpayBodyMapper.checkout(body));
    return ResponseEntity.created(URI.create("/v1/flows/" + created.flowId())).body(created);
  }

  /** The merchant's pages must be its own: https, on its configured redirect hosts. */
  private List<FieldProblem> withRedirects(Merchant merchant, AfterpayCheckoutBody body, List<FieldProblem> problems) {
    if (body.merchant() == null) {
      return problems;
    }
    return redirects.withPages(
        merchant, "merchant.", body.merchant().redirectConfirmUrl(), body.merchant().redirectCancelUrl(), problems);
  }

  @JsonEndpoint(method = RequestMethod.PUT, path = AFTERPAY_FLOW + "/courier")
  @Operation(
      summary = "Send shipping courier details to Afterpay",
      description = "For a captured payment; answers the flow's status after the update.")
  @ApiResponse(responseCode = "200", description = "Sent; the flow's status")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(responseCode = "404", description = "No such flow of this merchant")
  @ApiResponse(responseCode = "409", description = "Not captured yet, or the flow has finished")
  @ApiResponse(responseCode = "422", description = "Afterpay refused (its code and message)")
  @ApiResponse(responseCode = "502", description = "Afterpay failed or could not be reached")
  @ApiResponse(responseCode = "504", description = "The flow did not answer in time; repeat the same request")
  public FlowStatus courier(
      @Parameter(example = "afterpay-demo-merchantOrder-1234") @PathVariable String flowId,
      @RequestBody CourierBody body) {
    FlowIds.requireOwned(flowId, AfterpayCheckoutWorkflow.PROVIDER);
    validator.check(body, "$", AfterpayRules::courier);
    return flows.updateCourier(flowId, body.toCourier());
  }
}
