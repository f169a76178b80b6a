package org.financingorchestrator.api.stack;

/**
 * The sandbox and the worker have no Spring Security of their own. Run in starter-api's test JVM
 * they would find it on the classpath and get Spring Boot's default login on every endpoint (the
 * sandbox would answer Afterpay's calls 401); this argument leaves them as they run alone.
 */
public final class WithoutSpringSecurity {

  public static final String ARGUMENT =
      "--spring.autoconfigure.exclude="
          + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
          + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

  private WithoutSpringSecurity() {}
}
