package org.financingorchestrator.workflows.webhooks;

import java.time.Instant;

/**
 * One event a merchant's webhook receives: the body, as JSON, of the signed POST. Ids, state and
 * amounts only: never the shopper's details, provider tokens or secrets (the merchant reads more
 * with {@code GET /v1/flows/{flowId}}).
 *
 * @param id unique per event and the same on every delivery attempt: receivers dedup by it
 * @param type {@code flow.} and the state in lower case ({@code flow.captured})
 * @param createdAt the workflow time the flow reached the state
 * @param failure why a flow ended without payment (null otherwise), as its status says it
 */
public record MerchantWebhookEvent(
    String id,
    String type,
    Instant createdAt,
    String flowId,
    String provider,
    String merchantId,
    String merchantReference,
    String state,
    WebhookAmount orderAmount,
    WebhookAmount capturedAmount,
    WebhookAmount refundedAmount,
    WebhookFailure failure) {

  /** The failure's source (the provider or {@code orchestrator}), code and message. */
  public record WebhookFailure(String source, String code, String message) {}
}
