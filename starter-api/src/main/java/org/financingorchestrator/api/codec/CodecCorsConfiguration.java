package org.financingorchestrator.api.codec;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Temporal UI calls the codec server from the operator's browser, from its own origin: only
 * the configured UI origins may, and only the codec endpoints are open to them.
 */
@Configuration(proxyBeanMethods = false)
class CodecCorsConfiguration implements WebMvcConfigurer {

  private final CodecServerProperties properties;

  CodecCorsConfiguration(CodecServerProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping("/codec/**")
        .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
        .allowedMethods("POST")
        .allowedHeaders(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION, "X-Namespace")
        .maxAge(1800);
  }
}
