package org.financingorchestrator.sandbox.common;

import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.OPTIONAL;
import static org.financingorchestrator.sandbox.common.FieldViolations.Presence.REQUIRED;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads and checks a POST /sandbox/faults body against the providers this sandbox plays. */
@Component
public class FaultRuleReader {

  static final long MAX_DELAY_MILLIS = 300_000;
  static final long MAX_DOWN_SECONDS = 3_600;

  private final SandboxProviders providers;

  public FaultRuleReader(SandboxProviders providers) {
    this.providers = providers;
  }

  public FaultRule read(JsonNode body) {
    FieldViolations v = new FieldViolations();
    JsonField root = JsonField.root(body);
    String provider = v.text(root.get("provider"), REQUIRED, 64);
    String operation = v.text(root.get("operation"), REQUIRED, 64);
    Long status = v.wholeNumber(root.get("status"), OPTIONAL, 400, 599);
    String errorCode = v.text(root.get("errorCode"), OPTIONAL, 64);
    Long count = v.wholeNumber(root.get("count"), OPTIONAL, 1, 10_000);
    Long retryAfter = v.wholeNumber(root.get("retryAfterSeconds"), OPTIONAL, 0, 86_400);
    Boolean afterEffect = v.bool(root.get("afterEffect"), OPTIONAL);
    Long delay = v.wholeNumber(root.get("delayMillis"), OPTIONAL, 0, MAX_DELAY_MILLIS);
    Long downFor = v.wholeNumber(root.get("downForSeconds"), OPTIONAL, 1, MAX_DOWN_SECONDS);
    Boolean malformed = v.bool(root.get("malformedAnswer"), OPTIONAL);
    String answerName = v.text(root.get("answer"), OPTIONAL, 32);
    FaultAnswer answer = Boolean.TRUE.equals(malformed) ? FaultAnswer.MALFORMED : null;
    if (answerName != null) {
      answer = FaultAnswer.named(answerName).orElse(null);
      if (answer == null) {
        v.add("answer", "must be one of " + FaultAnswer.names());
      }
    }

    if (provider != null) {
      providers
          .named(provider)
          .ifPresentOrElse(
              p -> {
                if (operation != null && !p.operations().contains(operation)) {
                  v.add("operation", "must be one of " + p.operations().stream().sorted().toList());
                }
              },
              () -> v.add("provider", "must be one of " + providers.names()));
    }
    boolean statusGiven = root.get("status").present();
    boolean somethingElse = (delay != null && delay > 0) || downFor != null || answer != null;
    if (!statusGiven && !somethingElse && v.isEmpty()) {
      v.add("status", "is required unless delayMillis, downForSeconds, answer or malformedAnswer is given");
    }
    if (statusGiven && answer != null) {
      v.add(answerName != null ? "answer" : "malformedAnswer", "answers success: give it without status");
    }
    if (!v.isEmpty()) {
      throw new SandboxApiException(400, "invalid_fault", v.summary());
    }
    Integer statusCode = status == null ? null : status.intValue();
    return new FaultRule(
        provider,
        operation,
        statusCode,
        statusCode == null
            ? null
            : (errorCode != null ? errorCode : ErrorCodes.forStatus(statusCode)),
        count == null ? 1 : count.intValue(),
        retryAfter == null ? null : retryAfter.intValue(),
        Boolean.TRUE.equals(afterEffect),
        delay == null ? 0 : delay,
        downFor == null ? null : downFor.intValue(),
        answer);
  }
}
