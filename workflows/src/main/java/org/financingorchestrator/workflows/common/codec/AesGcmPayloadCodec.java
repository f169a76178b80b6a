package org.financingorchestrator.workflows.common.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts each payload whole (its metadata and data, serialized) with AES-256-GCM under the
 * keyring's current key and a fresh 96-bit nonce, so that histories at rest on the Temporal
 * server hold no personal data in clear. The result says {@code encoding: binary/encrypted} and
 * the key id, the convention Temporal's samples and codec servers follow; its data is the nonce
 * followed by the ciphertext and GCM tag, so tampering is detected. Decoding picks the key by
 * the id in the payload, and leaves payloads that are not encrypted as they are (histories
 * written before encryption still read). Used by the apps' data converters and the codec server.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {

  public static final String METADATA_ENCODING = "encoding";
  public static final String ENCRYPTED_ENCODING = "binary/encrypted";
  public static final String METADATA_KEY_ID = "encryption-key-id";

  static final SecureRandom RANDOM = new SecureRandom();

  private static final ByteString ENCRYPTED = ByteString.copyFromUtf8(ENCRYPTED_ENCODING);
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /**
   * One cipher per thread, initialised afresh (key and nonce) for every payload: looking a
   * cipher up costs more than the encryption of a small payload, and a Cipher is not thread-safe.
   */
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcmPayloadCodec::newCipher);

  private final PayloadKeyring keyring;

  public AesGcmPayloadCodec(PayloadKeyring keyring) {
    this.keyring = keyring;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::encrypt).collect(Collectors.toList());
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).collect(Collectors.toList());
  }

  /** Whether this payload is one this codec (or another binary/encrypted codec) wrote. */
  public static boolean isEncrypted(Payload payload) {
    return ENCRYPTED.equals(payload.getMetadataOrDefault(METADATA_ENCODING, ByteString.EMPTY));
  }

  private Payload encrypt(Payload payload) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] plain = payload.toByteArray();
    byte[] data;
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, keyring.currentKey(), new GCMParameterSpec(TAG_BITS, nonce));
      // The nonce, then the ciphertext and tag sealed straight after it: one array, no copies.
      data = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
      System.arraycopy(nonce, 0, data, 0, NONCE_BYTES);
      cipher.doFinal(plain, 0, plain.length, data, NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("AES-GCM encryption failed: " + e.getMessage());
    }
    return Payload.newBuilder()
        .putMetadata(METADATA_ENCODING, ENCRYPTED)
        .putMetadata(METADATA_KEY_ID, ByteString.copyFromUtf8(keyring.currentKeyId()))
        // The array is ours alone and never written again, so the ByteString may wrap it.
        .setData(UnsafeByteOperations.unsafeWrap(data))
        .build();
  }

  private Payload decrypt(Payload payload) {
    if (!isEncrypted(payload)) {
      return payload;
    }
    String keyId = payload.getMetadataOrDefault(METADATA_KEY_ID, ByteString.EMPTY).toString(StandardCharsets.UTF_8);
    SecretKey key =
        keyring
            .key(keyId)
            .orElseThrow(
                () ->
                    new PayloadCodecException(
                        "Payload encrypted with key id '" + keyId + "', which is not configured; " + keyring));
    ByteString data = payload.getData();
    if (data.size() < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("Encrypted payload (key id '" + keyId + "') is too short to be AES-GCM");
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data.substring(0, NONCE_BYTES).toByteArray()));
      ByteBuffer sealed = data.substring(NONCE_BYTES).asReadOnlyByteBuffer();
      ByteBuffer plain = ByteBuffer.allocate(cipher.getOutputSize(sealed.remaining()));
      cipher.doFinal(sealed, plain);
      plain.flip();
      return Payload.parseFrom(plain);
    } catch (AEADBadTagException tampered) {
      throw new PayloadCodecException(
          "Encrypted payload (key id '" + keyId + "') failed authentication: altered, or encrypted under another key");
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException("Encrypted payload (key id '" + keyId + "') could not be decrypted: " + e.getMessage());
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance(CIPHER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(CIPHER + " is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "AesGcmPayloadCodec{" + keyring + "}";
  }
}
