package org.financingorchestrator.api.merchants;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A request's API key before it is checked, and the merchant it belongs to after. The key is
 * never kept past the check, and never part of {@link #toString}.
 */
public final class MerchantAuthentication extends AbstractAuthenticationToken {

  private final transient String apiKey;
  private final transient Merchant merchant;

  private MerchantAuthentication(String apiKey, Merchant merchant) {
    super(merchant == null ? List.of() : AuthorityUtils.createAuthorityList("ROLE_MERCHANT"));
    this.apiKey = apiKey;
    this.merchant = merchant;
    setAuthenticated(merchant != null);
  }

  static MerchantAuthentication unchecked(String apiKey) {
    return new MerchantAuthentication(apiKey, null);
  }

  static MerchantAuthentication of(Merchant merchant) {
    return new MerchantAuthentication(null, merchant);
  }

  @Override
  public String getCredentials() {
    return apiKey;
  }

  @Override
  public Merchant getPrincipal() {
    return merchant;
  }

  @Override
  public String getName() {
    return merchant == null ? "" : merchant.id();
  }

  @Override
  public String toString() {
    return "MerchantAuthentication[" + getName() + "]";
  }
}
