package org.financingorchestrator.sandbox.chargeafter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** The document's one request rule for the server-to-server API: the private key as Bearer (401). */
@Component
class ChargeAfterGuard implements HandlerInterceptor {

  private static final String SCHEME = "Bearer ";

  private final byte[] privateKey;

  ChargeAfterGuard(ChargeAfterProperties properties) {
    this.privateKey = properties.privateKey().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean bearer = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    // Constant time, so timing says nothing about how much of the key was right.
    if (!bearer
        || !MessageDigest.isEqual(privateKey, header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8))) {
      throw new SandboxApiException(401, "UNAUTHORIZED", "A valid private API key is required as Bearer token")
          .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ChargeAfter\"");
    }
    return true;
  }
}
