package org.financingorchestrator.sandbox.webhooks;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One request the receiver took or refused.
 *
 * @param verified the signature and timestamp checked out
 * @param answer the HTTP status the receiver answered
 * @param problem why it was refused (null when taken)
 * @param duplicate an event id already taken: acknowledged again, not recorded as new
 * @param event the body as JSON (null when it was not JSON)
 */
public record ReceivedWebhook(
    long seq, Instant receivedAt, String id, String type, boolean verified, int answer, String problem,
    boolean duplicate, JsonNode event) {}
