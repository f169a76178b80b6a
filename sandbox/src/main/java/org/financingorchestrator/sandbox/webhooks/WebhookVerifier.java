package org.financingorchestrator.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a merchant's receiver does with a Standard Webhooks request, written here from the
 * specification on its own (the sandbox shares no code with the sender, so the two check each
 * other): the timestamp within the tolerance, then any {@code v1,<base64>} of the space-separated
 * signatures equal, in constant time, to HMAC-SHA256 of {@code id.timestamp.body}.
 */
final class WebhookVerifier {

  /** Why a request was not taken; null when it verified. */
  static String problem(String secret, String id, String timestamp, String signatures, byte[] body,
      Instant now, Duration tolerance) {
    if (id == null || timestamp == null || signatures == null) {
      return "missing webhook-id, webhook-timestamp or webhook-signature";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return "webhook-timestamp is not a number of seconds";
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
      return "webhook-timestamp is more than " + tolerance.toMinutes() + " min from now";
    }
    byte[] expected = hmac(secret, (id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8), body);
    for (String signature : signatures.split(" ")) {
      if (signature.startsWith("v1,") && matches(expected, signature.substring(3))) {
        return null;
      }
    }
    return "no webhook-signature matches";
  }

  private static boolean matches(byte[] expected, String base64) {
    try {
      return MessageDigest.isEqual(expected, Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
    String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private WebhookVerifier() {}
}
