package org.financingorchestrator.api.merchants;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The merchant whose API key authenticated this request (merchant endpoints only). */
public final class CurrentMerchant {

  private CurrentMerchant() {}

  public static Merchant get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof MerchantAuthentication merchant && merchant.isAuthenticated()) {
      return merchant.getPrincipal();
    }
    // The filter chain lets no merchant endpoint run without one.
    throw new IllegalStateException("No merchant authenticated this request");
  }

  public static String id() {
    return get().id();
  }
}
