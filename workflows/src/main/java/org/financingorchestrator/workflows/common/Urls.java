package org.financingorchestrator.workflows.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Appends query parameters to a URL that may already have some. Pure, so workflow-safe. */
public final class Urls {

  private Urls() {}

  public static String withQuery(String url, Map<String, String> parameters) {
    StringBuilder result = new StringBuilder(url);
    char separator = url.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (parameter.getValue() == null) {
        continue;
      }
      result
          .append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return result.toString();
  }
}
