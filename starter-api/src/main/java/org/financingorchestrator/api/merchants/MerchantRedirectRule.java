package org.financingorchestrator.api.merchants;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.financingorchestrator.api.common.AbsoluteHttpUrl;
import org.financingorchestrator.api.common.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Where a merchant may send its shoppers back to: https, to one of its configured
 * {@code redirect-hosts} (exact match), with no user info and no IP address. The callback answers
 * {@code 303 Location:} with this URL on this API's origin, so an unchecked one would be an open
 * redirect (to an internal address, or a look-alike host) forever.
 */
@Component
public class MerchantRedirectRule {

  /** Dotted numbers, decimal or hex: how 127.0.0.1, 2130706433 and 0x7f.1 all reach an address. */
  private static final Pattern IPV4_LITERAL =
      Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

  private static final AbsoluteHttpUrl.Check FIELD_CHECK = new AbsoluteHttpUrl.Check();

  private final RedirectProperties properties;

  public MerchantRedirectRule(RedirectProperties properties) {
    this.properties = properties;
  }

  /**
   * The problem with this URL for this merchant, if any. A URL the field's own check refuses
   * ({@link AbsoluteHttpUrl}) is left to it, so that it is reported once.
   */
  public Optional<FieldProblem> check(Merchant merchant, String field, String url) {
    if (url == null || !FIELD_CHECK.isValid(url, null)) {
      return Optional.empty();
    }
    return Optional.ofNullable(problem(merchant, URI.create(url))).map(message -> new FieldProblem(field, message));
  }

  /**
   * The problems with a merchant's two pages (confirm and cancel) under {@code prefix}
   * ({@code "merchant."}), added to {@code problems}: every checkout names both.
   */
  public List<FieldProblem> withPages(
      Merchant merchant, String prefix, String confirmUrl, String cancelUrl, List<FieldProblem> problems) {
    List<FieldProblem> all = new java.util.ArrayList<>(problems);
    check(merchant, prefix + "redirectConfirmUrl", confirmUrl).ifPresent(all::add);
    check(merchant, prefix + "redirectCancelUrl", cancelUrl).ifPresent(all::add);
    return all;
  }

  private String problem(Merchant merchant, URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null) {
      return "must not carry user info (user@host)";
    }
    if (host.startsWith("[") || IPV4_LITERAL.matcher(host).matches()) {
      return "must name a host, not an IP address";
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean localHttp = properties.allowHttpLocalhost() && "http".equalsIgnoreCase(uri.getScheme()) && host.equals("localhost");
    if (!https && !localHttp) {
      return "must be https";
    }
    List<String> allowed = merchant.redirectHosts();
    if (allowed.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).equals(host))) {
      return "must be on one of this merchant's redirect hosts (merchants." + merchant.id() + ".redirect-hosts)";
    }
    return null;
  }
}
