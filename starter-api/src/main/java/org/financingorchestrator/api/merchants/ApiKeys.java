package org.financingorchestrator.api.merchants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API keys are stored only as SHA-256 hashes. Not bcrypt: a key is a long random secret (not a
 * password a person chose), so a fast hash cannot be brute-forced from a leaked hash, and a slow
 * one would cost every request tens of milliseconds.
 */
public final class ApiKeys {

  private ApiKeys() {}

  /** The lowercase hex SHA-256 of the key, as {@code merchants.<id>.key-hashes} holds it. */
  public static String hash(String key) {
    return HexFormat.of().formatHex(digest(key));
  }

  static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }

  /** Prints the hash of a key: {@code java -cp starter-api.jar ...ApiKeys <key>}. */
  public static void main(String[] args) {
    System.out.println(hash(args[0]));
  }
}
