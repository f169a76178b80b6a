package org.financingorchestrator.sandbox.affirm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.financingorchestrator.sandbox.common.BasicCredentials;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The document's request rules for every /api/v2 call: Basic authentication with the merchant's
 * public key as user and private key as password (401), and a JSON body on POST (415).
 */
@Component
class AffirmRequestGuard implements HandlerInterceptor {

  private final BasicCredentials credentials;

  AffirmRequestGuard(AffirmProperties properties) {
    this.credentials = new BasicCredentials(properties.publicApiKey(), properties.privateApiKey());
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!credentials.matches(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      throw AffirmErrors.unauthorized().withHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Affirm\"");
    }
    if ("POST".equals(request.getMethod()) && !isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      throw new SandboxApiException(415, "unsupported-media-type", "The Content-Type must be application/json");
    }
    return true;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    try {
      return MediaType.parseMediaType(contentType).equalsTypeAndSubtype(MediaType.APPLICATION_JSON);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
