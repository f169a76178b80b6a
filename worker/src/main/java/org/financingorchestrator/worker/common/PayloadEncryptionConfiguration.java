package org.financingorchestrator.worker.common;

import io.temporal.common.converter.DataConverter;
import org.financingorchestrator.workflows.common.codec.PayloadEncryptionSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The data converter every workflow, activity and client call of this worker uses: payloads
 * encrypted with the keys under {@code payload-encryption} (see {@link PayloadEncryptionSettings};
 * no key and not explicitly off: the worker refuses to start). The Temporal starter picks up the
 * one DataConverter bean; the name says which, should another ever appear.
 */
@Configuration(proxyBeanMethods = false)
public class PayloadEncryptionConfiguration {

  @Bean
  DataConverter mainDataConverter(Environment environment) {
    PayloadEncryptionSettings settings =
        Binder.get(environment)
            .bindOrCreate(PayloadEncryptionSettings.PROPERTIES, PayloadEncryptionSettings.class);
    return PayloadEncryptionSettings.dataConverter(settings.codecs());
  }
}
