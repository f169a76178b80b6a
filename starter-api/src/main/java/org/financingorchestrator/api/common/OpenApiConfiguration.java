package org.financingorchestrator.api.common;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI financingOrchestratorApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("financing-orchestrator API")
                .version("v1")
                .description(
                    "Start consumer-financing checkouts, follow them, refund them; and the shopper's "
                        + "return from the provider. Errors are application/problem+json."));
  }
}
