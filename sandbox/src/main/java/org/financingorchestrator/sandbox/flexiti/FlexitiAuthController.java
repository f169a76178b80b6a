package org.financingorchestrator.sandbox.flexiti;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.financingorchestrator.sandbox.common.FaultInjector;
import org.financingorchestrator.sandbox.common.SandboxApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /oauth/token: an application/x-www-form-urlencoded body only (the document: "the parameters
 * should not be passed as Query string").
 */
@RestController
class FlexitiAuthController {

  private final FlexitiTokens tokens;
  private final FaultInjector faults;

  FlexitiAuthController(FlexitiTokens tokens, FaultInjector faults) {
    this.tokens = tokens;
    this.faults = faults;
  }

  @PostMapping(Flexiti.PATH_PREFIX + "/oauth/token")
  Map<String, Object> token(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (request.getQueryString() != null
        || contentType == null
        || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType))) {
      throw new SandboxApiException(400, "invalid_request", "An application/x-www-form-urlencoded body is expected");
    }
    Map<String, String> form = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? null : values[0]));
    return faults.around(Flexiti.PROVIDER, Flexiti.TOKEN, () -> tokens.grant(form));
  }
}
