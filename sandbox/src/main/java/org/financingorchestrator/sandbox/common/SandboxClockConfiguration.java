package org.financingorchestrator.sandbox.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every simulated behaviour reads (token expiry, created times, idempotency windows),
 * so a test can replace it with a @Primary Clock and move time instead of sleeping.
 */
@Configuration(proxyBeanMethods = false)
public class SandboxClockConfiguration {

  @Bean
  public Clock sandboxClock() {
    return Clock.systemUTC();
  }
}
