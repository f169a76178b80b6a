package org.financingorchestrator.sandbox.merchant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The demo shop exists only where sandbox.demo.api-base-url says which merchant API it uses. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "sandbox.demo", name = "api-base-url")
class DemoConfiguration {

  @Bean
  DemoMerchantApi demoMerchantApi(DemoProperties properties, ObjectMapper json) {
    return new DemoMerchantApi(properties, json);
  }

  @Bean
  DemoOrders demoOrders() {
    return new DemoOrders();
  }
}
