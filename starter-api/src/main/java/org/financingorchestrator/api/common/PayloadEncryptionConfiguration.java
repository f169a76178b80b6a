package org.financingorchestrator.api.common;

import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.ChainCodec;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;
import org.financingorchestrator.workflows.common.codec.PayloadEncryptionSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Payloads this app sends to Temporal (the checkout, Updates, the memo) are encrypted, and what it
 * reads back (Update results, Query answers, the memo) decrypted, with the keys under {@code
 * payload-encryption}: the same keys as the worker's (see {@link PayloadEncryptionSettings}; no key
 * and not explicitly off: the app refuses to start). The codec also serves the codec server.
 */
@Configuration(proxyBeanMethods = false)
public class PayloadEncryptionConfiguration {

  /** The payload codec; with encryption off, one that changes nothing. */
  @Bean
  PayloadCodec payloadCodec(Environment environment) {
    PayloadEncryptionSettings settings =
        Binder.get(environment)
            .bindOrCreate(PayloadEncryptionSettings.PROPERTIES, PayloadEncryptionSettings.class);
    return new ChainCodec(settings.codecs());
  }

  /** Picked up by the Temporal starter for the WorkflowClient (the one DataConverter bean). */
  @Bean
  DataConverter mainDataConverter(PayloadCodec payloadCodec) {
    return PayloadEncryptionSettings.dataConverter(List.of(payloadCodec));
  }
}
