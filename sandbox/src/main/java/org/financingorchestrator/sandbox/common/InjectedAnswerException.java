package org.financingorchestrator.sandbox.common;

/**
 * A fault's broken success answer ({@link FaultAnswer}), rendered by {@link SandboxExceptionHandler}
 * instead of the operation's own answer.
 */
public class InjectedAnswerException extends RuntimeException {

  /** What a MALFORMED answer's client reads: JSON cut off in the middle of a string. */
  public static final String MALFORMED_BODY = "{\"id\": \"1234";
  /** What a WRONG_SHAPE answer's client reads: JSON, but none of the operation's fields. */
  public static final String WRONG_SHAPE_BODY = "{\"result\": \"OK\"}";
  /** What a DROPPED answer's client reads before the connection closes, of the length promised. */
  public static final String DROPPED_BEGINNING = "{\"id\": ";
  public static final int DROPPED_PROMISED_LENGTH = 512;

  private final FaultAnswer answer;

  public InjectedAnswerException(FaultAnswer answer) {
    super("Injected fault: a " + answer.jsonName() + " success answer", null, false, false);
    this.answer = answer;
  }

  public FaultAnswer answer() {
    return answer;
  }
}
