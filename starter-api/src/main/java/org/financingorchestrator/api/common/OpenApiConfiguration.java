package org.financingorchestrator.api.common;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  /**
   * The server URL is this app's configured public address, never one built from the request's
   * Host header, which anyone can forge (and a cache could then serve to others).
   */
  @Bean
  OpenAPI financingOrchestratorApi(CallbacksProperties callbacks) {
    return new OpenAPI()
        .servers(List.of(new Server().url(callbacks.publicBaseUrl().toString())))
        .info(
            new Info()
                .title("financing-orchestrator API")
                .version("v1")
                .description(
                    "Start consumer-financing checkouts, follow them, refund them; and the shopper's "
                        + "return from the provider. Errors are application/problem+json."));
  }
}
