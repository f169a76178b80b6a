package org.financingorchestrator.sandbox.common;

import java.security.SecureRandom;

/** Random identifiers in the shapes providers use: hex error ids, lowercase alphanumeric tokens. */
public final class RandomIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] LOWER_ALPHANUMERIC =
      "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private RandomIds() {}

  public static String hex(int length) {
    return pick(HEX, length);
  }

  public static String lowerAlphanumeric(int length) {
    return pick(LOWER_ALPHANUMERIC, length);
  }

  private static String pick(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
