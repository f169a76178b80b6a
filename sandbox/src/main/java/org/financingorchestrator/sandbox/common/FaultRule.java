package org.financingorchestrator.sandbox.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The next {@code count} calls of one provider operation misbehave: after {@code delayMillis} they
 * answer {@code status} with {@code errorCode} in the provider's error body (and Retry-After when
 * given). With {@code afterEffect} the operation's effect happens first, so the error stands for a
 * lost answer. A null status only delays the real answer. With {@code downForSeconds} the whole
 * provider then answers 503 to every operation for that long (an outage right after the effect);
 * with {@code answer} the call gives a broken success answer instead ({@link FaultAnswer}: malformed,
 * empty, of the wrong shape, or dropped mid-answer). A delay longer than the client's read timeout,
 * after the effect, is an answer that never arrives in time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(
    String provider,
    String operation,
    Integer status,
    String errorCode,
    int count,
    Integer retryAfterSeconds,
    boolean afterEffect,
    long delayMillis,
    Integer downForSeconds,
    FaultAnswer answer) {

  public boolean matches(String providerName, String operationName) {
    return provider.equals(providerName) && operation.equals(operationName);
  }

  public SandboxApiException error() {
    return new SandboxApiException(
        status,
        errorCode,
        "Injected fault: " + operation + " answered " + status,
        retryAfterSeconds);
  }
}
