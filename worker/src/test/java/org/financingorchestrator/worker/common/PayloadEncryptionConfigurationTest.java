package org.financingorchestrator.worker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Map;
import org.financingorchestrator.workflows.common.codec.PayloadKeyring;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class PayloadEncryptionConfigurationTest {

  private final PayloadEncryptionConfiguration configuration = new PayloadEncryptionConfiguration();

  @Test
  void withoutAKeyTheWorkerDoesNotStart() {
    assertThatThrownBy(() -> configuration.mainDataConverter(new MockEnvironment()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No payload encryption key");
  }

  @Test
  void explicitlyOffItWritesPlainPayloads() {
    DataConverter converter =
        configuration.mainDataConverter(new MockEnvironment().withProperty("payload-encryption.enabled", "false"));

    assertThat(converter).isInstanceOf(DefaultDataConverter.class);
  }

  @Test
  void keysBindFromEnvironmentVariablesNamedAsSpringMapsThem() {
    // Spring drops the dash: payload-encryption.keys.k2 is PAYLOADENCRYPTION_KEYS_K2 (the id lower-cased).

    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                    "PAYLOADENCRYPTION_KEYS_K1", PayloadKeyring.newBase64Key(),
                    "PAYLOADENCRYPTION_CURRENTKEYID", "k2", "PAYLOADENCRYPTION_KEYS_K2", PayloadKeyring.newBase64Key())));

    DataConverter converter = configuration.mainDataConverter(environment);

    assertThat(converter.toPayload("x").orElseThrow().getMetadataOrThrow("encryption-key-id").toStringUtf8())
        .isEqualTo("k2");
  }
}
