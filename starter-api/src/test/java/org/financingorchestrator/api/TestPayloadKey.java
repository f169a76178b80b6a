package org.financingorchestrator.api;

import java.util.List;
import java.util.Map;
import org.financingorchestrator.workflows.common.codec.PayloadKeyring;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The payload encryption key of this test run: random, so that no key is ever committed, and one
 * per JVM, so that every app of a test (and a worker in its own JVM) shares it.
 */
public final class TestPayloadKey {

  public static final String ID = "test";
  public static final String KEY = PayloadKeyring.newBase64Key();

  private TestPayloadKey() {}

  /** For a {@code @DynamicPropertySource}. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("payload-encryption.keys." + ID, () -> KEY);
    registry.add("payload-encryption.current-key-id", () -> ID);
  }

  /** For an app started with command-line arguments in this JVM. */
  public static List<String> arguments() {
    return List.of("--payload-encryption.keys." + ID + "=" + KEY, "--payload-encryption.current-key-id=" + ID);
  }

  /** For an app in a JVM of its own: by environment, as run.sh gives it, so not on a command line. */
  public static Map<String, String> environment() {
    return Map.of("PAYLOADENCRYPTION_KEYS_" + ID.toUpperCase(), KEY, "PAYLOADENCRYPTION_CURRENTKEYID", ID);
  }
}
