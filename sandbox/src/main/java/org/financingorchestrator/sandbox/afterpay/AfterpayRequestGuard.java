package org.financingorchestrator.sandbox.afterpay;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.financingorchestrator.sandbox.common.BasicCredentials;
import org.financingorchestrator.sandbox.common.JsonBodies;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The document's request rules for every /v1 call, in this order: Basic authentication with the
 * merchant's id and secret key (401), an Accept that allows application/json (406), and a
 * Content-Type of application/json on POST and PUT (415).
 */
@Component
class AfterpayRequestGuard implements HandlerInterceptor {

  private final BasicCredentials credentials;

  AfterpayRequestGuard(AfterpayProperties properties) {
    this.credentials = new BasicCredentials(properties.merchantId(), properties.secretKey());
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!credentials.matches(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      throw AfterpayErrors.unauthorized()
          .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Afterpay\"");
    }
    if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
      throw new SandboxApiException(
          406, "not_acceptable", "The Accept header must allow application/json");
    }
    String method = request.getMethod();
    if (("POST".equals(method) || "PUT".equals(method))
        && !JsonBodies.isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      throw new SandboxApiException(
          415, "unsupported_media_type", "The Content-Type must be application/json");
    }
    return true;
  }

  /** The document only recommends Accept, so a missing one accepts anything. */
  private static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      List<MediaType> types = MediaType.parseMediaTypes(accept);
      return types.stream()
          .anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON) && t.getQualityValue() > 0);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
