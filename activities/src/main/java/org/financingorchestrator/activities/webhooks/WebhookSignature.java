package org.financingorchestrator.activities.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as the Standard Webhooks specification says (standardwebhooks.com, the scheme
 * Svix and others use): HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>} with the
 * secret's bytes, sent as {@code webhook-signature: v1,<base64>}. Receivers verify it with any
 * Standard Webhooks library or a few lines of their own.
 */
public final class WebhookSignature {

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";
  /** The spec's prefix of a secret: what follows is its base64. */
  public static final String SECRET_PREFIX = "whsec_";

  private final byte[] key;

  /** @param secret {@code whsec_<base64>} (the prefix may be left out) */
  public WebhookSignature(String secret) {
    String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    this.key = Base64.getDecoder().decode(encoded);
    if (key.length < 24) {
      // The spec asks for 24 to 64 bytes: a short key is a guessable one.
      throw new IllegalArgumentException("a webhook secret needs at least 24 bytes, has " + key.length);
    }
  }

  /** The {@value #SIGNATURE_HEADER} header's value for this message. */
  public String sign(String id, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[key=***]";
  }
}
