package org.financingorchestrator.api.merchants;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Checks a bearer API key against the configured merchants' key hashes. */
@Component
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

  private final Merchants merchants;

  public ApiKeyAuthenticationProvider(Merchants merchants) {
    this.merchants = merchants;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String key = ((MerchantAuthentication) authentication).getCredentials();
    return merchants
        .byKey(key)
        .map(MerchantAuthentication::of)
        // Says nothing of the key: messages may be logged.
        .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return MerchantAuthentication.class.isAssignableFrom(authentication);
  }
}
