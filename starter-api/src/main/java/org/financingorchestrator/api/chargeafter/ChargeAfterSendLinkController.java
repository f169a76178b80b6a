package org.financingorchestrator.api.chargeafter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.InvalidRequestException;
import org.financingorchestrator.api.common.JsonEndpoint;
import org.financingorchestrator.api.common.RequestValidator;
import org.financingorchestrator.api.merchants.CurrentMerchant;
import org.financingorchestrator.api.merchants.Merchant;
import org.financingorchestrator.api.merchants.MerchantRedirectRule;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterOutcome;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * ChargeAfter's merchant endpoints: send a link, and read what the consumer's session ended with.
 * Status is every provider's ({@code GET /v1/flows/{flowId}}); postbacks and the consumer's return
 * are {@link ChargeAfterCallbackController}.
 */
@RestController
@Tag(name = "ChargeAfter", description = "ChargeAfter send-links")
public class ChargeAfterSendLinkController {

  private static final Pattern MERCHANT_ORDER_ID = Pattern.compile(FlowIds.MERCHANT_REFERENCE_REGEX);

  static final String EXAMPLE =
      """
      {
        "channel": "e_commerce", "flow": "checkout", "sendUsing": "redirectUrl",
        "consumerDetails": {"firstName": "John", "lastName": "Doe", "email": "john@example.com",
          "mobilePhoneNumber": "2124445555",
          "shippingAddress": {"line1": "3 My Street", "city": "New York", "zipCode": "10019", "state": "NY"},
          "billingAddress": {"line1": "3 My Street", "city": "New York", "zipCode": "10019", "state": "NY"}},
        "cartDetails": {
          "items": [{"name": "Awesome Product", "price": 1999.0, "sku": "AWSMPRDCT", "quantity": 2, "leasable": true,
                     "warranty": {"name": "Awesome Warranty", "price": 100.0, "sku": "AWSMWRNTY"}}],
          "discounts": [{"name": "Birthday discount", "amount": 20}],
          "taxAmount": 199.0, "shippingAmount": 19.0, "totalAmount": 4296.0},
        "currency": "USD", "merchantOrderId": "order-1001",
        "redirectOnSuccessURL": "https://shop.example/financing/approved",
        "redirectOnFailureURL": "https://shop.example/financing/declined"
      }
      """;

  private final ChargeAfterSendLinkClient flows;
  private final RequestValidator validator;
  private final MerchantRedirectRule redirects;

  public ChargeAfterSendLinkController(
      ChargeAfterSendLinkClient flows, RequestValidator validator, MerchantRedirectRule redirects) {
    this.flows = flows;
    this.validator = validator;
    this.redirects = redirects;
  }

  @JsonEndpoint(method = RequestMethod.POST, path = "/v1/chargeafter/send-links")
  @Operation(
      summary = "Send a ChargeAfter link (apply or checkout)",
      description =
          "Checks the send-link (checkout needs cartDetails, the cart adds up, email needs the consumer's "
              + "email), sends it to ChargeAfter with this API's postback URLs and key, and answers its "
              + "statusTrackingId (and, for sendUsing redirectUrl, the link). The same merchantOrderId again "
              + "answers the same flow.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "The document's cart", value = EXAMPLE))))
  @ApiResponse(responseCode = "201", description = "Link sent; Location is the flow")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(responseCode = "409", description = "merchantOrderId used for another send-link, or its flow has finished")
  @ApiResponse(responseCode = "422", description = "ChargeAfter refused the send-link (its code and message)")
  @ApiResponse(responseCode = "502", description = "ChargeAfter failed or could not be reached")
  @ApiResponse(responseCode = "503", description = "Temporal unreachable; repeat the same request")
  @ApiResponse(responseCode = "504", description = "No answer yet; repeat the same request")
  public ResponseEntity<SendLinkCreated> create(@RequestBody ChargeAfterSendLinkBody body) {
    Merchant merchant = CurrentMerchant.get();
    validator.check(body, "$", b -> withRedirects(merchant, b, ChargeAfterRules.sendLink(b)));
    SendLinkCreated created = flows.start(merchant.id(), ChargeAfterBodyMapper.sendLink(body));
    return ResponseEntity.created(URI.create("/v1/flows/" + created.flowId())).body(created);
  }

  private List<FieldProblem> withRedirects(Merchant merchant, ChargeAfterSendLinkBody body, List<FieldProblem> problems) {
    List<FieldProblem> all = new ArrayList<>(problems);
    if (body.redirectOnSuccessURL() != null) {
      redirects.check(merchant, "redirectOnSuccessURL", body.redirectOnSuccessURL()).ifPresent(all::add);
    }
    if (body.redirectOnFailureURL() != null) {
      redirects.check(merchant, "redirectOnFailureURL", body.redirectOnFailureURL()).ifPresent(all::add);
    }
    return all;
  }

  @GetMapping(path = "/v1/chargeafter/send-links/{merchantOrderId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "What the consumer's ChargeAfter session ended with",
      description =
          "The state, and what ChargeAfter reported: the confirmation token of an approved checkout, the "
              + "lender, available credit, order info and consumer details, or the error. Only to the merchant "
              + "that sent the link; the flow's status never carries the token.")
  @ApiResponse(responseCode = "200", description = "The outcome so far")
  @ApiResponse(responseCode = "400", description = "Not a merchantOrderId (errors name it)")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(responseCode = "404", description = "No such send-link of this merchant")
  public ChargeAfterOutcome outcome(@Parameter(example = "order-1001") @PathVariable String merchantOrderId) {
    if (!MERCHANT_ORDER_ID.matcher(merchantOrderId).matches()) {
      throw InvalidRequestException.of("merchantOrderId", FlowIds.MERCHANT_REFERENCE_RULE);
    }
    return flows.outcome(FlowIds.of(ChargeAfterSendLinkWorkflow.PROVIDER, CurrentMerchant.id(), merchantOrderId));
  }
}
