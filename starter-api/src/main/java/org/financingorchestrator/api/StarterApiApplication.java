package org.financingorchestrator.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The merchant API and the shopper's return from providers; starts and talks to flows only. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StarterApiApplication {

  public static void main(String[] args) {
    application().run(args);
  }

  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(StarterApiApplication.class)
        .properties("spring.config.name=starter-api");
  }
}
