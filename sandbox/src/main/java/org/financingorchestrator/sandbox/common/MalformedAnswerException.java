package org.financingorchestrator.sandbox.common;

/**
 * A fault's {@code malformedAnswer}: the operation answers success with a body that does not
 * parse, as a broken proxy or a truncated answer would. Rendered by {@link SandboxExceptionHandler}.
 */
public class MalformedAnswerException extends RuntimeException {

  /** What the client reads: JSON cut off in the middle of a string. */
  public static final String BODY = "{\"id\": \"1234";

  public MalformedAnswerException() {
    super("Injected fault: a success answer that does not parse", null, false, false);
  }
}
