package org.financingorchestrator.sandbox.affirm;

import org.financingorchestrator.sandbox.common.SandboxProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers Affirm with the shared controls and guards its charges API. */
@Configuration(proxyBeanMethods = false)
class AffirmConfiguration implements WebMvcConfigurer {

  private final AffirmRequestGuard guard;

  AffirmConfiguration(AffirmRequestGuard guard) {
    this.guard = guard;
  }

  @Bean
  SandboxProvider affirmSandboxProvider() {
    return new SandboxProvider(Affirm.PROVIDER, Affirm.PATH_PREFIX, AffirmOperation.ids(), AffirmErrors.format());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(guard).addPathPatterns(Affirm.PATH_PREFIX + "/api/v2/**");
  }
}
