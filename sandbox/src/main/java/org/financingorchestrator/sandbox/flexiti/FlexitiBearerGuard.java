package org.financingorchestrator.sandbox.flexiti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/** Every /client-id/{client_id}/** call needs a live bearer token and the developer's client id. */
@Component
class FlexitiBearerGuard implements HandlerInterceptor {

  private final FlexitiTokens tokens;
  private final FlexitiProperties properties;

  FlexitiBearerGuard(FlexitiTokens tokens, FlexitiProperties properties) {
    this.tokens = tokens;
    this.properties = properties;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    tokens.requireLive(request.getHeader(HttpHeaders.AUTHORIZATION));
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof java.util.Map<?, ?> map
        && map.containsKey("clientId")
        && !properties.clientId().equals(map.get("clientId"))) {
      throw new org.financingorchestrator.sandbox.common.SandboxApiException(
          400, "invalid_client", "Invalid or missing client_id parameter");
    }
    return true;
  }
}
