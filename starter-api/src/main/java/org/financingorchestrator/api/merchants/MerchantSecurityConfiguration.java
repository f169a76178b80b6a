package org.financingorchestrator.api.merchants;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Spring Security's filter chain for merchant API keys ({@code Authorization: Bearer <key>}).
 * Every {@code /v1/**} endpoint needs a key except the callbacks, which providers and shoppers'
 * browsers call (they carry their own proof, see README); the OpenAPI docs, {@code /error} and
 * the actuator (on its own loopback port) stay open. Stateless: no session, no cookie, so no CSRF.
 */
@Configuration
@EnableConfigurationProperties(MerchantsProperties.class)
public class MerchantSecurityConfiguration {

  private static final String BEARER = "Bearer ";

  @Bean
  SecurityFilterChain merchantApiSecurity(HttpSecurity http, ApiKeyAuthenticationProvider keys) throws Exception {
    ProblemSecurityAnswers answers = new ProblemSecurityAnswers();
    AuthenticationFilter apiKeyFilter =
        new AuthenticationFilter(new ProviderManager(keys), MerchantSecurityConfiguration::apiKey);
    // The default success handler redirects; an API request just goes on.
    apiKeyFilter.setSuccessHandler((request, response, authentication) -> {});
    apiKeyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(answers));
    apiKeyFilter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
    // Merchant keys are read on the merchant API only: other paths carry other bearer tokens (the
    // codec server's operator token) that are not merchant keys and must not be refused as such.
    apiKeyFilter.setRequestMatcher(MerchantSecurityConfiguration::merchantApi);
    return http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAt(apiKeyFilter, BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/v1/callbacks/**").permitAll()
                    .requestMatchers("/v1/**").authenticated()
                    .anyRequest().permitAll())
        .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
        .build();
  }

  private static boolean merchantApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/v1/") && !path.startsWith("/v1/callbacks/");
  }

  /** The bearer key, or null when the request has none (then the endpoint's rule decides). */
  private static MerchantAuthentication apiKey(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return MerchantAuthentication.unchecked(header.substring(BEARER.length()).trim());
  }
}
