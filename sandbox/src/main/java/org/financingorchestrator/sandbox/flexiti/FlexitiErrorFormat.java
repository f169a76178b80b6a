package org.financingorchestrator.sandbox.flexiti;

import java.util.LinkedHashMap;
import java.util.Map;
import org.financingorchestrator.sandbox.common.ProviderErrorFormat;

/** Flexiti's error body: {"code": status, "error": code, "error_description": message}. */
final class FlexitiErrorFormat implements ProviderErrorFormat {

  @Override
  public Object body(int status, String errorCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", status);
    body.put("error", errorCode);
    body.put("error_description", message);
    return body;
  }
}
