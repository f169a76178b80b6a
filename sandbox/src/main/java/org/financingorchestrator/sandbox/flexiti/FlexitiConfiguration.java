package org.financingorchestrator.sandbox.flexiti;

import org.financingorchestrator.sandbox.common.SandboxProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class FlexitiConfiguration implements WebMvcConfigurer {

  private final FlexitiBearerGuard guard;

  FlexitiConfiguration(FlexitiBearerGuard guard) {
    this.guard = guard;
  }

  @Bean
  SandboxProvider flexitiSandboxProvider() {
    return new SandboxProvider(Flexiti.PROVIDER, Flexiti.PATH_PREFIX, Flexiti.OPERATIONS, new FlexitiErrorFormat());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(guard).addPathPatterns(Flexiti.PATH_PREFIX + "/client-id/**");
  }
}
