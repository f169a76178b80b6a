package org.financingorchestrator.api.codec;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The codec server Temporal's UI (and CLI) call to show payloads decrypted.
 *
 * @param token the bearer token operators send ({@code Authorization: Bearer <token>}); unset: no
 *     token opens it
 * @param allowLoopbackWithoutToken answer requests from this machine without a token, for the local
 *     stack's UI, which sends none over plain http; off by default, never behind a proxy on the
 *     same host (every request would look local)
 * @param allowedOrigins the Temporal UI origins a browser may call from (CORS)
 * @param trustedNetworks networks (CIDR, e.g. {@code 172.30.80.1/32}) whose requests are answered
 *     without a token, still only when addressed to a loopback name: the compose stack's Docker host,
 *     through which the operator's browser on that host reaches the published port. None by default
 */
@ConfigurationProperties("codec-server")
public record CodecServerProperties(
    String token,
    @DefaultValue("false") boolean allowLoopbackWithoutToken,
    @DefaultValue("http://localhost:8233") List<String> allowedOrigins,
    @DefaultValue List<String> trustedNetworks) {

  @Override
  public String toString() {
    return "CodecServerProperties{token=" + (token == null || token.isBlank() ? "unset" : "****")
        + ", allowLoopbackWithoutToken=" + allowLoopbackWithoutToken + ", allowedOrigins=" + allowedOrigins
        + ", trustedNetworks=" + trustedNetworks + "}";
  }
}
