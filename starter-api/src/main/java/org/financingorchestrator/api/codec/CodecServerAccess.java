package org.financingorchestrator.api.codec;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may have payloads decrypted: the holder of the operator token, or, only when turned on for
 * the local stacks, a browser on this machine talking to this machine by a loopback name: from
 * loopback itself, or from a trusted network (the compose stack's Docker host, whose published port
 * hands the browser's connection on from the host's address on the compose network). The Host check
 * keeps a web page that rebinds its own name to 127.0.0.1 out of the token-less mode.
 */
@Component
class CodecServerAccess {

  private static final String BEARER = "Bearer ";
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private final byte[] tokenDigest;
  private final boolean allowLoopbackWithoutToken;
  /** Address literals only (a host name is refused at startup: no name lookup decides access). */
  private final List<IpAddressMatcher> trustedNetworks;

  CodecServerAccess(CodecServerProperties properties) {
    this.tokenDigest =
        properties.token() == null || properties.token().isBlank() ? null : sha256(properties.token());
    this.allowLoopbackWithoutToken = properties.allowLoopbackWithoutToken();
    this.trustedNetworks = properties.trustedNetworks().stream().map(IpAddressMatcher::new).toList();
  }

  boolean allows(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.startsWith(BEARER)) {
      // Digests of equal length, compared in constant time: no timing hint about the token.
      return tokenDigest != null
          && MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(BEARER.length())));
    }
    return ((allowLoopbackWithoutToken && fromLoopback(request)) || fromTrustedNetwork(request))
        && LOOPBACK_HOSTS.contains(hostName(request));
  }

  private boolean fromTrustedNetwork(HttpServletRequest request) {
    return trustedNetworks.stream().anyMatch(network -> network.matches(request.getRemoteAddr()));
  }

  private static boolean fromLoopback(HttpServletRequest request) {
    try {
      // An address literal: no name lookup.
      return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The Host header without its port. */
  private static String hostName(HttpServletRequest request) {
    String host = request.getHeader(HttpHeaders.HOST);
    if (host == null) {
      return "";
    }
    int port = host.lastIndexOf(':');
    return (port > host.lastIndexOf(']') ? host.substring(0, port) : host).toLowerCase(Locale.ROOT);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
