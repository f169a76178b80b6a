package org.financingorchestrator.workflows.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadEncryptionSettingsTest {

  private static final String KEY = PayloadKeyring.newBase64Key();

  @Test
  void noKeyRefusesToStartAndSaysHowToFixIt() {
    assertThatThrownBy(() -> new PayloadEncryptionSettings(null, null, null).codecs())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("payload-encryption.keys.<id>")
        .hasMessageContaining("payload-encryption.enabled=false");
  }

  @Test
  void explicitlyOffMeansNoCodec() {
    assertThat(new PayloadEncryptionSettings(false, null, Map.of()).codecs()).isEmpty();
  }

  @Test
  void offWithKeysIsAContradiction() {
    assertThatThrownBy(() -> new PayloadEncryptionSettings(false, "k1", Map.of("k1", KEY)).codecs())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void oneKeyIsTheCurrentOneWithoutSayingSo() {
    assertThat(PayloadKeyring.fromBase64(Map.of("k1", KEY), null).currentKeyId()).isEqualTo("k1");
  }

  @Test
  void severalKeysNeedTheCurrentOneNamedAndAmongThem() {
    Map<String, String> keys = Map.of("k1", KEY, "k2", PayloadKeyring.newBase64Key());

    assertThatThrownBy(() -> PayloadKeyring.fromBase64(keys, null)).hasMessageContaining("current-key-id");
    assertThatThrownBy(() -> PayloadKeyring.fromBase64(keys, "k3")).hasMessageContaining("'k3'");
    assertThat(PayloadKeyring.fromBase64(keys, "k2").currentKeyId()).isEqualTo("k2");
  }

  @Test
  void aKeyOfTheWrongSizeOrNotBase64IsRefusedWithoutShowingIt() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> PayloadKeyring.fromBase64(Map.of("k1", short16), "k1"))
        .hasMessageContaining("'k1' must be 32 bytes")
        .hasMessageNotContaining(short16);
    assertThatThrownBy(() -> PayloadKeyring.fromBase64(Map.of("k1", "not base64!"), "k1"))
        .hasMessageContaining("'k1' is not base64")
        .hasMessageNotContaining("not base64!");
    assertThatThrownBy(() -> PayloadKeyring.fromBase64(Map.of("k_1", KEY), "k_1")).hasMessageContaining("'k_1'");
  }

  @Test
  void keysAreNeverPrinted() {
    PayloadEncryptionSettings settings = PayloadEncryptionSettings.withKeys("k1", Map.of("k1", KEY));

    assertThat(settings.toString()).contains("k1").doesNotContain(KEY);
    assertThat(settings.codecs().get(0).toString()).contains("k1").doesNotContain(KEY);
  }
}
