package org.financingorchestrator.api.common;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies are read strictly (with starter-api.yaml's spring.jackson settings: duplicate
 * keys refused, no float-to-int coercion): every string obeys {@link TextRule}.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer plainTextOnly() {
    SimpleModule module = new SimpleModule("plain-text");
    module.addDeserializer(String.class, new PlainTextDeserializer());
    return builder -> builder.addModule(module);
  }
}
