package org.financingorchestrator.api.merchants;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowHttpLocalhost whether a redirect URL may be plain http to {@code localhost}: the
 *     local stack's merchant pages only (the {@code local} profile); never in production
 */
@ConfigurationProperties("redirects")
public record RedirectProperties(@DefaultValue("false") boolean allowHttpLocalhost) {}
