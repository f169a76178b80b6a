package org.financingorchestrator.sandbox.chargeafter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.financingorchestrator.sandbox.common.ProviderErrorFormat;

/**
 * ChargeAfter errors as this sandbox answers them: {@code {success: false, error: {code, message}}},
 * the postback's error object inside the response's success flag (the document shows no error body).
 */
final class ChargeAfterErrorFormat implements ProviderErrorFormat {

  @Override
  public Object body(int status, String errorCode, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", errorCode);
    error.put("message", message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("error", error);
    return body;
  }
}
