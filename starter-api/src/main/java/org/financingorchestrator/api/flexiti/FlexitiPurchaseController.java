package org.financingorchestrator.api.flexiti;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.JsonEndpoint;
import org.financingorchestrator.api.common.RequestValidator;
import org.financingorchestrator.api.merchants.CurrentMerchant;
import org.financingorchestrator.api.merchants.Merchant;
import org.financingorchestrator.workflows.flexiti.FlexitiApplicationAnswer;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseAnswer;
import org.financingorchestrator.workflows.flexiti.FlexitiPurchaseWorkflow;
import org.financingorchestrator.workflows.flexiti.FlexitiReturnAnswer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flexiti's point-of-sale endpoints: start a purchase, enter the code the customer received, give
 * the customer's answer to the terms; apply for credit and give a Quebec applicant's answer. Status is every provider's ({@code FlowController}).
 */
@RestController
@Tag(name = "Flexiti", description = "Flexiti point-of-sale purchases")
public class FlexitiPurchaseController {

  /** The flow id's prefix picks the provider, so these paths match only Flexiti flows. */
  private static final String FLEXITI_FLOW = "/v1/flows/{flowId:flexiti-.*}";

  private final FlexitiPurchaseClient flows;
  private final RequestValidator validator;

  public FlexitiPurchaseController(FlexitiPurchaseClient flows, RequestValidator validator) {
    this.flows = flows;
    this.validator = validator;
  }

  @JsonEndpoint(method = RequestMethod.POST, path = "/v1/flexiti/purchases")
  @Operation(
      summary = "Start a Flexiti purchase",
      description = "Looks the customer up, verifies them and, once verified, posts the transaction unconfirmed. Answers "
          + "when the purchase waits for the clerk (AWAITING_VERIFICATION: enter the code the customer received; "
          + "AWAITING_SHOPPER: the terms are shown, give the customer's answer) or has ended (DECLINED, FAILED with "
          + "Flexiti's message). The merchant reference is the flow's key: the same request again answers the same flow.")
  @ApiResponse(responseCode = "201", description = "Started; Location is the flow")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(responseCode = "409", description = "Reference used for another purchase, or its flow has finished")
  @ApiResponse(responseCode = "503", description = "Temporal unreachable; repeat the same request")
  @ApiResponse(responseCode = "504", description = "No answer yet; repeat the same request")
  public ResponseEntity<FlexitiPurchaseAnswer> start(@RequestBody FlexitiPurchaseBody body) {
    Merchant merchant = CurrentMerchant.get();
    validator.check(body, "$", FlexitiRules::purchase);
    FlexitiPurchaseAnswer answer = flows.start(merchant.id(), FlexitiBodyMapper.purchase(body));
    return ResponseEntity.created(URI.create("/v1/flows/" + answer.flowId())).body(answer);
  }

  @JsonEndpoint(method = RequestMethod.POST, path = FLEXITI_FLOW + "/verification-code")
  @Operation(
      summary = "Enter the code the customer received by sms or email",
      description = "Answers after the transaction was posted (AWAITING_SHOPPER with the terms), or the code was "
          + "wrong (AWAITING_VERIFICATION with the attempts left; DECLINED after the last).")
  @ApiResponse(responseCode = "200", description = "Where the purchase stands")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "404", description = "No such flow of this merchant")
  @ApiResponse(responseCode = "409", description = "The purchase does not wait for a code, or has finished")
  public FlexitiPurchaseAnswer verificationCode(
      @Parameter(example = "flexiti-demo-till-7-0001") @PathVariable String flowId, @RequestBody VerificationCodeBody body) {
    FlowIds.requireOwned(flowId, FlexitiPurchaseWorkflow.PROVIDER);
    validator.check(body, "$");
    return flows.verificationCode(flowId, body.code());
  }

  @JsonEndpoint(method = RequestMethod.POST, path = FLEXITI_FLOW + "/customer-confirmation")
  @Operation(
      summary = "Give the customer's answer to the terms",
      description = "accept confirms the transaction (POSTED with its id); refuse confirms nothing (CANCELLED).")
  @ApiResponse(responseCode = "200", description = "Where the purchase stands")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "404", description = "No such flow of this merchant")
  @ApiResponse(responseCode = "409", description = "The purchase does not wait for the customer, or has finished")
  public FlexitiPurchaseAnswer customerConfirmation(
      @Parameter(example = "flexiti-demo-till-7-0001") @PathVariable String flowId, @RequestBody CustomerConfirmationBody body) {
    FlowIds.requireOwned(flowId, FlexitiPurchaseWorkflow.PROVIDER);
    validator.check(body, "$");
    return flows.customerConfirmation(flowId, body.accepted());
  }

  @JsonEndpoint(method = RequestMethod.POST, path = "/v1/flexiti/applications")
  @Operation(
      summary = "Apply for Flexiti credit",
      description = "Serves the terms for the applicant's province and applies. Rest of Canada: APPROVED with the account "
          + "and credit limit. Quebec: AWAITING_SHOPPER with the debt ratio and offers, which the applicant must see; then "
          + "their answer (applicant-decision): accept (APPROVED) or cancel (the account is closed).")
  @ApiResponse(responseCode = "201", description = "Applied; Location is the flow")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(responseCode = "409", description = "Reference used for another application, or its flow has finished")
  public ResponseEntity<FlexitiApplicationAnswer> apply(@RequestBody FlexitiApplicationBody body) {
    Merchant merchant = CurrentMerchant.get();
    validator.check(body, "$", FlexitiApplicationRules::application);
    FlexitiApplicationAnswer answer = flows.apply(merchant.id(), FlexitiApplicationRules.request(body));
    return ResponseEntity.created(URI.create("/v1/flows/" + answer.flowId())).body(answer);
  }

  @JsonEndpoint(method = RequestMethod.POST, path = FLEXITI_FLOW + "/applicant-decision")
  @Operation(summary = "Give a Quebec applicant's answer to the adjudicated account",
      description = "accept: APPROVED; cancel: the account is closed (CANCELLED).")
  @ApiResponse(responseCode = "200", description = "Where the application stands")
  @ApiResponse(responseCode = "404", description = "No such flow of this merchant")
  @ApiResponse(responseCode = "409", description = "The application does not wait for the applicant, or has finished")
  public FlexitiApplicationAnswer applicantDecision(
      @Parameter(example = "flexiti-demo-app-0001") @PathVariable String flowId, @RequestBody ApplicantDecisionBody body) {
    FlowIds.requireOwned(flowId, FlexitiPurchaseWorkflow.PROVIDER);
    validator.check(body, "$");
    return flows.applicantDecision(flowId, body.accepted());
  }

  @JsonEndpoint(method = RequestMethod.POST, path = "/v1/flexiti/returns")
  @Operation(
      summary = "Return (part of) a Flexiti purchase",
      description = "Looks the customer up, lists their purchases (none: no_returns_found) and posts the return against "
          + "transactionId: REFUNDED with the return's transaction id, or FAILED with why.")
  @ApiResponse(responseCode = "201", description = "Done or refused; Location is the flow")
  @ApiResponse(responseCode = "400", description = "Invalid request; errors name the fields")
  @ApiResponse(responseCode = "409", description = "Reference used for another return, or its flow has finished")
  public ResponseEntity<FlexitiReturnAnswer> returnOf(@RequestBody FlexitiReturnBody body) {
    Merchant merchant = CurrentMerchant.get();
    validator.check(body, "$", FlexitiRules::returnOf);
    FlexitiReturnAnswer answer = flows.returnOf(merchant.id(), FlexitiBodyMapper.returnOf(body));
    return ResponseEntity.created(URI.create("/v1/flows/" + answer.flowId())).body(answer);
  }
}
