package org.financingorchestrator.workflows.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmPayloadCodecTest {

  private static final String OLD = PayloadKeyring.newBase64Key();
  private static final String NEW = PayloadKeyring.newBase64Key();
  private static final Payload SHOPPER =
      DefaultDataConverter.STANDARD_INSTANCE.toPayload(Map.of("email", "joe@example.com", "surname", "Consumer")).orElseThrow();

  private final AesGcmPayloadCodec codec = codec("k1", Map.of("k1", OLD));

  @Test
  void aPayloadComesBackWholeMetadataAndData() {
    Payload encrypted = codec.encode(List.of(SHOPPER)).get(0);

    assertThat(codec.decode(List.of(encrypted))).containsExactly(SHOPPER);
  }

  @Test
  void theEncryptedPayloadSaysSoNamesItsKeyAndHoldsNoPlaintext() {
    Payload encrypted = codec.encode(List.of(SHOPPER)).get(0);

    assertThat(encrypted.getMetadataMap())
        .containsEntry("encoding", ByteString.copyFromUtf8("binary/encrypted"))
        .containsEntry("encryption-key-id", ByteString.copyFromUtf8("k1"))
        .doesNotContainKey("messageType");
    String data = encrypted.getData().toString(StandardCharsets.ISO_8859_1);
    assertThat(data).doesNotContain("joe@example.com", "Consumer", "json/plain");
  }

  @Test
  void everyEncryptionHasItsOwnNonce() {
    Payload first = codec.encode(List.of(SHOPPER)).get(0);
    Payload second = codec.encode(List.of(SHOPPER)).get(0);

    assertThat(first.getData()).isNotEqualTo(second.getData());
    assertThat(first.getData().substring(0, 12)).isNotEqualTo(second.getData().substring(0, 12));
  }

  @Test
  void aChangedByteIsDetectedByTheTag() {
    Payload encrypted = codec.encode(List.of(SHOPPER)).get(0);
    byte[] data = encrypted.getData().toByteArray();
    data[data.length / 2] ^= 1;
    Payload tampered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(tampered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("failed authentication");
  }

  @Test
  void aPayloadEncryptedUnderTheOldKeyStillReadsAfterRotation() {
    Payload underOld = codec.encode(List.of(SHOPPER)).get(0);
    AesGcmPayloadCodec rotated = codec("k2", Map.of("k1", OLD, "k2", NEW));

    Payload underNew = rotated.encode(List.of(SHOPPER)).get(0);

    assertThat(underNew.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("k2");
    assertThat(rotated.decode(List.of(underOld, underNew))).containsExactly(SHOPPER, SHOPPER);
  }

  @Test
  void anUnknownKeyIdFailsNamingItAndNoKeyMaterial() {
    Payload underNew = codec("k2", Map.of("k2", NEW)).encode(List.of(SHOPPER)).get(0);

    assertThatThrownBy(() -> codec.decode(List.of(underNew)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key id 'k2', which is not configured")
        .hasMessageNotContaining(OLD)
        .hasMessageNotContaining(NEW);
  }

  @Test
  void aKeyWithTheSameIdButOtherBytesIsRefused() {
    Payload encrypted = codec.encode(List.of(SHOPPER)).get(0);

    assertThatThrownBy(() -> codec("k1", Map.of("k1", NEW)).decode(List.of(encrypted)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("failed authentication");
  }

  @Test
  void payloadsWrittenBeforeEncryptionPassThroughDecode() {
    Payload empty = Payload.getDefaultInstance();

    assertThat(codec.decode(List.of(SHOPPER, empty))).containsExactly(SHOPPER, empty);
  }

  @Test
  void aDataConverterWithTheCodecReadsValuesBackAndWritesNoPlaintext() {
    DataConverter converter = PayloadEncryptionSettings.dataConverter(List.of(codec));

    Payload written = converter.toPayload("joe@example.com").orElseThrow();

    assertThat(written.toByteString().toString(StandardCharsets.ISO_8859_1)).doesNotContain("joe@example.com");
    assertThat(converter.fromPayload(written, String.class, String.class)).isEqualTo("joe@example.com");
    // A history written before encryption still reads through the same converter.
    assertThat(converter.fromPayload(SHOPPER, Map.class, Map.class)).containsEntry("email", "joe@example.com");
  }

  private static AesGcmPayloadCodec codec(String current, Map<String, String> keys) {
    return new AesGcmPayloadCodec(PayloadKeyring.fromBase64(keys, current));
  }
}
