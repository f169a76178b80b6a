package org.financingorchestrator.sandbox.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * A broken success answer a fault can give instead of the operation's own, each something a
 * client must survive without knowing whether the effect happened.
 */
public enum FaultAnswer {
  /** Success with JSON cut off in the middle of a string: it does not parse. */
  MALFORMED("malformed"),
  /** Success with no body at all. */
  EMPTY("empty"),
  /** Success with JSON that parses but is not the operation's object (nothing it should hold). */
  WRONG_SHAPE("wrongShape"),
  /**
   * The connection is dropped in the middle of the answer: the headers promise more body than is
   * sent, then the server closes the connection (what a reset or a crashed proxy does to a client).
   */
  DROPPED("dropped");

  private final String jsonName;

  FaultAnswer(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static Optional<FaultAnswer> named(String name) {
    return Arrays.stream(values()).filter(answer -> answer.jsonName.equals(name)).findFirst();
  }

  public static String names() {
    return Arrays.stream(values()).map(FaultAnswer::jsonName).toList().toString();
  }
}
