package org.financingorchestrator.workflows.common.codec;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an app (or a merchant's Java client) encrypts payloads, as configured under {@value
 * #PROPERTIES}: {@code keys.<id>} (base64 AES-256 keys), {@code current-key-id}, {@code enabled}.
 * Encryption is on unless explicitly turned off: with no key and {@code enabled} not {@code false}
 * the app refuses to start, since a deployment that forgot its key would otherwise write shoppers'
 * personal data into histories in clear without anyone noticing.
 *
 * @param enabled {@code false} to run without encryption (logged as a warning); null means on
 * @param currentKeyId the key that encrypts; may be left out when there is one key
 * @param keys every key that may decrypt, by id
 */
public record PayloadEncryptionSettings(Boolean enabled, String currentKeyId, Map<String, String> keys) {

  public static final String PROPERTIES = "payload-encryption";

  private static final Logger log = LoggerFactory.getLogger(PayloadEncryptionSettings.class);

  public PayloadEncryptionSettings {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
  }

  /** On: the AES-GCM codec over these keys. */
  public static PayloadEncryptionSettings withKeys(String currentKeyId, Map<String, String> keys) {
    return new PayloadEncryptionSettings(true, currentKeyId, keys);
  }

  /** The codecs payloads go through: the AES-GCM codec, or none when encryption is off. */
  public List<PayloadCodec> codecs() {
    if (Boolean.FALSE.equals(enabled)) {
      if (!keys.isEmpty()) {
        throw new IllegalStateException(
            PROPERTIES + ".enabled is false but keys are configured: remove one or the other");
      }
      log.warn("Payloads are not encrypted ({}.enabled=false): histories hold personal data in clear", PROPERTIES);
      return List.of();
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException(
          "No payload encryption key: set " + PROPERTIES + ".keys.<id> (environment: PAYLOADENCRYPTION_KEYS_<ID>) to a base64"
              + " 32-byte key, or " + PROPERTIES + ".enabled=false to store payloads in clear");
    }
    PayloadKeyring keyring = PayloadKeyring.fromBase64(keys, currentKeyId);
    log.info("Payloads are encrypted with AES-256-GCM, key id {}", keyring.currentKeyId());
    return List.of(new AesGcmPayloadCodec(keyring));
  }

  /** Temporal's default converter (JSON and friends) with these codecs after it. */
  public static DataConverter dataConverter(List<PayloadCodec> codecs) {
    DataConverter json = DefaultDataConverter.newDefaultInstance();
    return codecs.isEmpty() ? json : new CodecDataConverter(json, codecs);
  }

  @Override
  public String toString() {
    return "PayloadEncryptionSettings{enabled=" + enabled + ", currentKeyId=" + currentKeyId
        + ", keys=" + keys.keySet() + " (values hidden)}";
  }
}
