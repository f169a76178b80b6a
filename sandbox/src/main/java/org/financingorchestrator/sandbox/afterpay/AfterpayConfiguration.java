package org.financingorchestrator.sandbox.afterpay;

import org.financingorchestrator.sandbox.common.SandboxProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers Afterpay with the shared controls and guards its /v1 API. */
@Configuration(proxyBeanMethods = false)
class AfterpayConfiguration implements WebMvcConfigurer {

  private final AfterpayRequestGuard guard;

  AfterpayConfiguration(AfterpayRequestGuard guard) {
    this.guard = guard;
  }

  @Bean
  SandboxProvider afterpaySandboxProvider() {
    return new SandboxProvider(
        Afterpay.PROVIDER,
        Afterpay.PATH_PREFIX,
        AfterpayOperation.ids(),
        new AfterpayErrorFormat());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(guard).addPathPatterns(Afterpay.PATH_PREFIX + "/v1/**");
  }
}
