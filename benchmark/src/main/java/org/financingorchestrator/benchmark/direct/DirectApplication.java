package org.financingorchestrator.benchmark.direct;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The direct baseline: a merchant backend that makes the flows' provider calls itself, with the
 * same clients the worker's activities use and no Temporal. A Spring MVC app as starter-api is,
 * so what the stack costs beyond it is the orchestration. It keeps each order in memory only:
 * a crash forgets it, which is what the stack exists to avoid.
 */
@SpringBootApplication(scanBasePackages = {
    "org.financingorchestrator.benchmark.direct",
    "org.financingorchestrator.benchmark.afterpay",
    "org.financingorchestrator.benchmark.affirm",
    "org.financingorchestrator.benchmark.chargeafter",
    "org.financingorchestrator.benchmark.flexiti"})
public class DirectApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(DirectApplication.class).properties("spring.config.name=direct").run(args);
  }

  /** The clients' metrics, kept in memory as the worker's are kept for its scrape. */
  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }
}
