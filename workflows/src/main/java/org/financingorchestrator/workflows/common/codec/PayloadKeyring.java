package org.financingorchestrator.workflows.common.codec;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys payloads are encrypted with, by id: the current one encrypts, every one
 * decrypts, so that a new key can be made current while histories written under the old one
 * still read. Key material never leaves this class in text: {@link #toString()} names ids only.
 */
public final class PayloadKeyring {

  /**
   * Key ids travel in payload metadata and in environment variable names
   * (PAYLOADENCRYPTION_KEYS_<ID>, which Spring lower-cases).
   */
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private static final int KEY_BYTES = 32;

  private final Map<String, SecretKey> keys;
  private final String currentKeyId;

  private PayloadKeyring(Map<String, SecretKey> keys, String currentKeyId) {
    this.keys = Map.copyOf(keys);
    this.currentKeyId = currentKeyId;
  }

  /**
   * From configuration: each key base64 (standard alphabet) of 32 random bytes. The current key id
   * may be left out when there is only one key. Errors name the key id, never the value.
   */
  public static PayloadKeyring fromBase64(Map<String, String> base64Keys, String currentKeyId) {
    if (base64Keys == null || base64Keys.isEmpty()) {
      throw new IllegalArgumentException("No payload encryption key is configured");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    base64Keys.forEach((id, value) -> keys.put(checkedId(id), key(id, value)));
    String current = currentKeyId == null || currentKeyId.isBlank() ? soleId(keys) : currentKeyId.trim();
    if (!keys.containsKey(current)) {
      throw new IllegalArgumentException(
          "The current payload encryption key id '" + current + "' is not among the configured keys " + keys.keySet());
    }
    return new PayloadKeyring(keys, current);
  }

  /** A fresh random key, base64: what {@code payload-encryption.keys.<id>} takes. */
  public static String newBase64Key() {
    byte[] key = new byte[KEY_BYTES];
    AesGcmPayloadCodec.RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  SecretKey currentKey() {
    return keys.get(currentKeyId);
  }

  Optional<SecretKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public String toString() {
    return "PayloadKeyring{current=" + currentKeyId + ", keys=" + keys.keySet() + " (values hidden)}";
  }

  private static String checkedId(String id) {
    if (id == null || !KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Payload encryption key id '" + id + "' must be 1 to 64 letters, digits or '-'");
    }
    return id;
  }

  private static SecretKey key(String id, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("Payload encryption key '" + id + "' is not base64");
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "Payload encryption key '" + id + "' must be 32 bytes (AES-256), base64; it is " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static String soleId(Map<String, SecretKey> keys) {
    if (keys.size() != 1) {
      throw new IllegalArgumentException(
          "Several payload encryption keys " + keys.keySet() + ": say which one encrypts (current-key-id)");
    }
    return keys.keySet().iterator().next();
  }
}
