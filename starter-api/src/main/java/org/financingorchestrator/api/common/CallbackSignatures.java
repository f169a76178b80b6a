package org.financingorchestrator.api.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The callback URLs given to providers carry {@code sig}: an HMAC-SHA256 of the flow id under a
 * server secret, Base64url. Only this server can make it, so a callback without it did not come
 * through the provider's redirect of the shopper's own browser. The first of
 * {@code callbacks.signing-keys} signs; all of them verify, so a key is rotated by putting the new
 * one first and removing the old once no flow signed with it can still call back.
 */
@Component
public class CallbackSignatures {

  public static final String PARAMETER = "sig";
  private static final String HMAC = "HmacSHA256";
  /** As long as the hash: a shorter key would be the weakest part. */
  private static final int MIN_KEY_BYTES = 32;

  private final CallbacksProperties properties;
  private final List<SecretKeySpec> keys;

  public CallbackSignatures(CallbacksProperties properties) {
    this.properties = properties;
    if (properties.signingKeys() == null || properties.signingKeys().isEmpty()) {
      throw new IllegalStateException("callbacks.signing-keys: give at least one (Base64url, 32 bytes or more)");
    }
    this.keys = properties.signingKeys().stream().map(CallbackSignatures::key).toList();
  }

  /** {@code {public-base-url}/v1/callbacks/{provider}/{flowId}/{action}?sig=...}. */
  public String callbackUrl(String provider, String flowId, String action) {
    return UriComponentsBuilder.fromUri(properties.publicBaseUrl())
        .pathSegment("v1", "callbacks", provider, flowId, action)
        .queryParam(PARAMETER, sign(flowId))
        .encode()
        .build()
        .toUriString();
  }

  public String sign(String flowId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(keys.get(0), flowId));
  }

  /**
   * The flow id signed for another purpose (a provider's postback key, say): under the same keys
   * but never equal to {@link #sign}, so one secret handed out cannot stand in for the other.
   * A flow id holds no line break, so {@code purpose + "\n" + flowId} is never a flow id.
   */
  public String sign(String purpose, String flowId) {
    return sign(purpose + "\n" + flowId);
  }

  /** {@link #verifies(String, String)} for a signature made by {@link #sign(String, String)}. */
  public boolean verifies(String purpose, String flowId, String signature) {
    return verifies(purpose + "\n" + flowId, signature);
  }

  /** Compared in constant time with the signature of every key; anything unreadable is false. */
  public boolean verifies(String flowId, String signature) {
    if (signature == null || signature.isEmpty() || signature.length() > 128) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException notBase64url) {
      return false;
    }
    boolean valid = false;
    for (SecretKeySpec key : keys) {
      valid |= MessageDigest.isEqual(mac(key, flowId), given);
    }
    return valid;
  }

  private static SecretKeySpec key(String base64url) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(base64url.trim().replace("=", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("callbacks.signing-keys: each must be Base64url");
    }
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalStateException("callbacks.signing-keys: each must be " + MIN_KEY_BYTES + " bytes or more");
    }
    return new SecretKeySpec(bytes, HMAC);
  }

  private static byte[] mac(SecretKeySpec key, String flowId) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(flowId.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }
}
