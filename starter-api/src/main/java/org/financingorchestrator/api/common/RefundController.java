package org.financingorchestrator.api.common;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateStage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.financingorchestrator.workflows.common.RefundRecord;
import org.financingorchestrator.workflows.common.RefundRequest;
import org.financingorchestrator.workflows.common.RefundableFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds of any provider's flow, through the refund contract every flow implements
 * ({@link RefundableFlow}) on an untyped stub, as the status endpoint reads any flow.
 */
@RestController
@Tag(name = "Flows")
public class RefundController {

  private static final Logger log = LoggerFactory.getLogger(RefundController.class);

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** How long a refund of a provider without its own policy waits for its flow. */
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

  private final WorkflowClient client;
  private final FlowUpdateSender updates;
  private final RequestValidator validator;
  private final Map<String, RefundPolicy> policies;

  public RefundController(
      WorkflowClient client, FlowUpdateSender updates, RequestValidator validator, List<RefundPolicy> policies) {
    this.client = client;
    this.updates = updates;
    this.validator = validator;
    this.policies = policies.stream().collect(Collectors.toMap(RefundPolicy::provider, Function.identity()));
  }

  @JsonEndpoint(method = RequestMethod.POST, path = "/v1/flows/{flowId}/refunds")
  @Operation(
      summary = "Refund a captured payment",
      description =
          "Full or partial, never more than what is left. Needs the merchant's refund reference: "
              + "merchantReference, or an Idempotency-Key header when the body has none. The same "
              + "reference and amount again answers the same refund, never a second one.")
  @ApiResponse(
      responseCode = "201",
      description = "Refunded; the refund as the provider confirmed it",
      content = @Content(schema = @Schema(implementation = RefundRecord.class)))
  @ApiResponse(
      responseCode = "202",
      description =
          "Not settled yet (the provider did not answer in time); the flow keeps at it. Repeat the "
              + "same request, or read the flow (Location), for the outcome",
      content = @Content(schema = @Schema(implementation = RefundPending.class)))
  @ApiResponse(responseCode = "400", description = "Invalid request, or no reference; errors name the fields")
  @ApiResponse(responseCode = "401", description = "No valid API key")
  @ApiResponse(responseCode = "404", description = "No such flow of this merchant")
  @ApiResponse(
      responseCode = "409",
      description = "Not captured yet, the flow has finished, or the reference was used for another amount")
  @ApiResponse(
      responseCode = "422",
      description = "Refused: more than what is left, or the provider refused (its code and message)")
  @ApiResponse(
      responseCode = "502",
      description = "The provider failed and definitely made no refund (code not_made): send it with a new reference")
  @ApiResponse(responseCode = "504", description = "The flow did not accept the refund in time; repeat the same request")
  public ResponseEntity<?> refund(
      @Parameter(example = "afterpay-demo-merchantOrder-1234") @PathVariable String flowId,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody RefundBody body) {
    FlowIds.requireOwned(flowId);
    Optional<RefundPolicy> policy = Optional.ofNullable(policies.get(FlowIds.provider(flowId)));
    validator.check(body, "$", b -> policy.map(p -> p.check(b)).orElse(List.of()));
    RefundRequest refund =
        new RefundRequest(body.amount().toMoney(), RefundReference.of(body.merchantReference(), idempotencyKey));
    URI flow = URI.create("/v1/flows/" + flowId);
    Optional<RefundRecord> record = send(flowId, refund, policy.map(RefundPolicy::operationWait).orElse(DEFAULT_WAIT));
    return record
        .<ResponseEntity<?>>map(r -> ResponseEntity.created(flow).body(r))
        .orElseGet(
            () ->
                ResponseEntity.accepted()
                    .location(flow)
                    .body(new RefundPending(flowId, refund.merchantReference(), refund.amount())));
  }

  /**
   * Empty when the refund is not settled within the wait (it goes on in the flow). The Update id
   * is derived from the merchant's refund reference and the amount: a repeated request attaches to
   * the same Update (in flight or done) and answers its outcome, which is only ever definite. The
   * amount is part of the id because Temporal attaches a request with a known id without running
   * the validator: with the reference alone, the same reference with another amount would be
   * answered the first refund; this way it reaches the validator, which refuses it.
   */
  private Optional<RefundRecord> send(String flowId, RefundRequest refund, Duration wait) {
    UpdateOptions<RefundRecord> options =
        UpdateOptions.newBuilder(RefundRecord.class)
            .setUpdateName(RefundableFlow.REFUND)
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .setUpdateId(updateId(refund))
            .build();
    Optional<RefundRecord> record =
        updates.sendOrPending(flowId, () -> client.newUntypedWorkflowStub(flowId).startUpdate(options, refund), wait);
    record.ifPresentOrElse(
        r -> log.info("Flow {} refunded, refund id {}", flowId, r.refundId()),
        () -> log.info("Flow {} refund {} is pending", flowId, refund.merchantReference()));
    return record;
  }

  static String updateId(RefundRequest refund) {
    return "refund-" + refund.merchantReference() + "-" + refund.amount().currency() + "-"
        + refund.amount().toPlainString();
  }
}
