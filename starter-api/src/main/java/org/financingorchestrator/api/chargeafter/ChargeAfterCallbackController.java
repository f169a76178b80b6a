package org.financingorchestrator.api.chargeafter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.financingorchestrator.api.common.CallbackSignatures;
import org.financingorchestrator.api.common.FieldProblem;
import org.financingorchestrator.api.common.FlowIds;
import org.financingorchestrator.api.common.FlowNotFoundException;
import org.financingorchestrator.api.common.InvalidRequestException;
import org.financingorchestrator.api.common.JsonProblems;
import org.financingorchestrator.api.common.TextRule;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterMerchantPages;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterPostback;
import org.financingorchestrator.workflows.chargeafter.ChargeAfterSendLinkWorkflow;
import org.financingorchestrator.workflows.common.Urls;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * What ChargeAfter calls back: its postbacks (server to server, with {@code Authorization: Bearer
 * <the flow's postbackAuthKey>}) and the consumer's browser on our redirectOnSuccessURL /
 * redirectOnFailureURL (signed with {@code sig}), which goes on to the merchant's page.
 */
@RestController
@Tag(name = "ChargeAfter callbacks", description = "Postbacks and the consumer's return from ChargeAfter")
public class ChargeAfterCallbackController {

  private static final String BASE = "/v1/callbacks/chargeafter/{flowId}/";
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z_]{0,63}");
  private static final int MAX_MESSAGE = 256;

  private final ChargeAfterSendLinkClient flows;
  private final ChargeAfterPostbackKeys keys;
  private final CallbackSignatures signatures;
  private final ObjectMapper json;

  public ChargeAfterCallbackController(
      ChargeAfterSendLinkClient flows, ChargeAfterPostbackKeys keys, CallbackSignatures signatures, ObjectMapper json) {
    this.flows = flows;
    this.keys = keys;
    this.signatures = signatures;
    this.json = json;
  }

  @PostMapping(path = BASE + ChargeAfterSendLinkClient.FINAL_POSTBACK, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "ChargeAfter's final postback",
      description =
          "Only with Authorization: Bearer <this flow's postbackAuthKey> (otherwise 401 and the flow hears "
              + "nothing). 200 once the flow has it; a repeat, or one after the flow decided, is 200 and changes nothing.")
  @ApiResponse(responseCode = "200", description = "received: taken, unchanged or ended")
  @ApiResponse(responseCode = "400", description = "Not a ChargeAfter flow id, or the body is not a postback (errors name the field)")
  @ApiResponse(responseCode = "401", description = "Not this flow's postback key")
  @ApiResponse(responseCode = "404", description = "No such flow")
  public ResponseEntity<?> finalPostback(
      @Parameter(example = "chargeafter-demo-order-1001") @PathVariable String flowId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) byte[] body) {
    return postback(flowId, authorization, body, true);
  }

  @PostMapping(path = BASE + ChargeAfterSendLinkClient.DATA_UPDATE_POSTBACK, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "ChargeAfter's data-update postback",
      description = "As the final postback; refreshes the consumer and credit details while the flow waits.")
  @ApiResponse(responseCode = "200", description = "received: taken, unchanged or ended")
  @ApiResponse(responseCode = "400", description = "Not a ChargeAfter flow id, or the body is not a postback (errors name the field)")
  @ApiResponse(responseCode = "401", description = "Not this flow's postback key")
  @ApiResponse(responseCode = "404", description = "No such flow")
  public ResponseEntity<?> dataUpdatePostback(
      @PathVariable String flowId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) byte[] body) {
    return postback(flowId, authorization, body, false);
  }

  /** The key first, before the body is even read: a caller without it learns nothing. */
  private ResponseEntity<?> postback(String flowId, String authorization, byte[] body, boolean finalPostback) {
    FlowIds.requireValid(flowId, ChargeAfterSendLinkWorkflow.PROVIDER);
    if (!keys.authorizes(flowId, authorization)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A postback needs this flow's postbackAuthKey as Bearer token.");
      problem.setTitle("Unauthorized");
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ChargeAfterPostback postback = read(body);
    return ResponseEntity.ok(new PostbackReceived(flowId, flows.postback(flowId, finalPostback, postback)));
  }

  private ChargeAfterPostback read(byte[] body) {
    if (body == null || body.length == 0) {
      throw InvalidRequestException.of("$", "a postback body is required");
    }
    try {
      ChargeAfterPostback postback = json.readValue(body, ChargeAfterPostback.class);
      if (postback == null) {
        throw InvalidRequestException.of("$", "a postback body is required");
      }
      return postback;
    } catch (JacksonException unreadable) {
      throw new InvalidRequestException(List.of(JsonProblems.of(unreadable)));
    }
  }

  @GetMapping(BASE + ChargeAfterSendLinkClient.SUCCESS)
  @Operation(summary = "The consumer's return from ChargeAfter, approved", description = "Needs sig; 303 to the merchant's success page.")
  @ApiResponse(responseCode = "303", description = "Go to the merchant's page (Location)")
  @ApiResponse(responseCode = "400", description = "No valid sig")
  @ApiResponse(responseCode = "404", description = "No such flow")
  public ResponseEntity<Void> success(
      @PathVariable String flowId, @RequestParam(name = CallbackSignatures.PARAMETER, required = false) String sig) {
    ChargeAfterMerchantPages pages = pagesOf(flowId, sig);
    return seeOther(pages.successUrl(), flowId, Map.of("flowId", flowId));
  }

  @GetMapping(BASE + ChargeAfterSendLinkClient.FAILURE)
  @Operation(
      summary = "The consumer's return from ChargeAfter, not approved",
      description = "Needs sig; 303 to the merchant's failure page with ChargeAfter's code and message.")
  @ApiResponse(responseCode = "303", description = "Go to the merchant's page (Location)")
  @ApiResponse(responseCode = "400", description = "No valid sig, or a code or message that cannot be one of ChargeAfter's")
  @ApiResponse(responseCode = "404", description = "No such flow")
  public ResponseEntity<Void> failure(
      @PathVariable String flowId,
      @RequestParam(name = CallbackSignatures.PARAMETER, required = false) String sig,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String message) {
    if (code != null && !ERROR_CODE.matcher(code).matches()) {
      throw InvalidRequestException.of("code", "must be one of ChargeAfter's error codes (A-Z and _)");
    }
    if (message != null && (message.length() > MAX_MESSAGE || !TextRule.isPlain(message))) {
      throw InvalidRequestException.of("message", "must be at most " + MAX_MESSAGE + " characters; " + TextRule.MESSAGE);
    }
    ChargeAfterMerchantPages pages = pagesOf(flowId, sig);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("flowId", flowId);
    if (code != null) {
      query.put("code", code);
    }
    if (message != null) {
      query.put("message", message);
    }
    return seeOther(pages.failureUrl(), flowId, query);
  }

  /** The signature before anything is asked of Temporal. */
  private ChargeAfterMerchantPages pagesOf(String flowId, String sig) {
    FlowIds.requireValid(flowId, ChargeAfterSendLinkWorkflow.PROVIDER);
    if (!signatures.verifies(flowId, sig)) {
      throw new InvalidRequestException(List.of(new FieldProblem(CallbackSignatures.PARAMETER, "is missing or is not this flow's signature")));
    }
    return flows.merchantPages(flowId);
  }

  private static ResponseEntity<Void> seeOther(String page, String flowId, Map<String, String> query) {
    if (page == null) {
      throw new FlowNotFoundException(flowId);
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create(Urls.withQuery(page, query)))
        .cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
