package org.financingorchestrator.sandbox.chargeafter;

import java.util.Set;
import org.financingorchestrator.sandbox.common.SandboxProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers ChargeAfter with the shared controls and guards its server-to-server API. */
@Configuration(proxyBeanMethods = false)
class ChargeAfterConfiguration implements WebMvcConfigurer {

  private final ChargeAfterGuard guard;

  ChargeAfterConfiguration(ChargeAfterGuard guard) {
    this.guard = guard;
  }

  @Bean
  SandboxProvider chargeAfterSandboxProvider() {
    return new SandboxProvider(
        ChargeAfter.PROVIDER,
        ChargeAfter.PATH_PREFIX,
        Set.of(ChargeAfter.SEND_LINK, ChargeAfter.STATUS),
        new ChargeAfterErrorFormat());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(guard).addPathPatterns(ChargeAfter.PATH_PREFIX + "/omnichannel/**");
  }
}
