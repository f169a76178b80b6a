package org.financingorchestrator.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The providers simulated as their documents describe them, for local runs and tests. State is kept
 * in memory; every effect is written to a ledger a test can read.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

  public static void main(String[] args) {
    application().run(args);
  }

  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(SandboxApplication.class)
        .properties("spring.config.name=sandbox");
  }
}
